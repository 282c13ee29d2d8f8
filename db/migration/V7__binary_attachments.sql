-- PDF reports travel as base64 text in the same table as iCalendar attachments.
ALTER TABLE notification_attachment ADD COLUMN base64 BOOLEAN NOT NULL DEFAULT FALSE;
