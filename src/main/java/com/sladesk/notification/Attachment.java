package com.sladesk.notification;

/** A text attachment of a mail, such as an iCalendar file. */
public record Attachment(String filename, String contentType, String content) {
}
