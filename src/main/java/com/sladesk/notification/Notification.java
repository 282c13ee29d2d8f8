package com.sladesk.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;

    private String subject;

    private String htmlBody;

    private String textBody;

    @Enumerated(EnumType.STRING)
    private NotificationStatus status;

    private int attempts;

    private String lastError;

    private String correlationId;

    private Instant createdAt;

    private Instant nextAttemptAt;

    private Instant lockedUntil;

    private Instant sentAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true,
            fetch = FetchType.LAZY)
    @JoinColumn(name = "notification_id", nullable = false, updatable = false)
    private List<NotificationAttachment> attachments = new ArrayList<>();

    protected Notification() {
    }

    Notification(String recipient, String subject, String htmlBody, String textBody, String correlationId,
            Instant now, List<Attachment> attachments) {
        attachments.forEach(a -> this.attachments.add(new NotificationAttachment(a)));
        this.recipient = recipient;
        this.subject = subject;
        this.htmlBody = htmlBody;
        this.textBody = textBody;
        this.correlationId = correlationId;
        this.status = NotificationStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void sent(Instant now) {
        status = NotificationStatus.SENT;
        attempts++;
        sentAt = now;
        lockedUntil = null;
        lastError = null;
    }

    /** A failed attempt: try again after the backoff, or give up (FAILED, still listed) after the last. */
    void failed(String error, Instant retryAt, boolean lastAttempt) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 2000));
        lockedUntil = null;
        status = lastAttempt ? NotificationStatus.FAILED : NotificationStatus.PENDING;
        nextAttemptAt = retryAt;
    }

    void retryNow(Instant now) {
        status = NotificationStatus.PENDING;
        nextAttemptAt = now;
        lockedUntil = null;
    }

    Long getId() {
        return id;
    }

    String getRecipient() {
        return recipient;
    }

    String getSubject() {
        return subject;
    }

    String getHtmlBody() {
        return htmlBody;
    }

    String getTextBody() {
        return textBody;
    }

    List<Attachment> getAttachments() {
        return attachments.stream().map(NotificationAttachment::toAttachment).toList();
    }

    int getAttempts() {
        return attempts;
    }

    NotificationStatus getStatus() {
        return status;
    }

    NotificationView toView() {
        return new NotificationView(id, recipient, subject, status, attempts, lastError, correlationId, createdAt,
                nextAttemptAt, sentAt);
    }
}
