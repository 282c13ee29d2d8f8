package com.sladesk.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "notification_attachment")
class NotificationAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String filename;

    private String contentType;

    private String content;

    private boolean base64;

    protected NotificationAttachment() {
    }

    NotificationAttachment(Attachment attachment) {
        this.filename = attachment.filename();
        this.contentType = attachment.contentType();
        this.content = attachment.content();
        this.base64 = attachment.base64();
    }

    Attachment toAttachment() {
        return new Attachment(filename, contentType, content, base64);
    }
}
