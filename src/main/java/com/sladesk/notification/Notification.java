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

    @Enumerated(EnumType.STRING)
    private Channel channel = Channel.EMAIL;

    private String contentType;

    private String idempotencyKey;

    private String receipt;

    /** Extra request headers of an HTTP delivery, one {@code Name: value} a line. */
    private String httpHeaders;

    /** When failed attempts stop (an HTTP delivery given a retry time); null: after the configured attempts. */
    private Instant giveUpAt;

    /** A broadcast: delivered after whatever else is due (a breach mail never waits behind status notices). */
    private boolean bulk;

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

    /** An HTTP delivery: the body is kept as the text body, and there is no HTML. */
    static Notification http(HttpMessage message, String correlationId, Instant now) {
        Notification n = new Notification(message.url(), message.summary(), "", message.body(), correlationId, now,
                List.of());
        n.channel = message.channel();
        n.contentType = message.contentType();
        n.idempotencyKey = message.idempotencyKey();
        n.httpHeaders = message.headers().isEmpty() ? null : message.headers().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining("\n"));
        n.giveUpAt = message.retryFor() == null ? null : now.plus(message.retryFor());
        return n;
    }

    void keyedBy(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    void markBulk() {
        this.bulk = true;
    }

    void sent(Instant now, String receipt) {
        this.receipt = clip(receipt, 1000);
        sent(now);
    }

    /** A refusal that no retry will change (a 4xx other than 429): FAILED at once, with the answer. */
    void refused(String error, String receipt) {
        attempts++;
        lastError = clip(error, 2000);
        this.receipt = clip(receipt, 1000);
        lockedUntil = null;
        status = NotificationStatus.FAILED;
    }

    /** A webhook URL's path is often its secret (Slack's is): lists show the scheme and host only. */
    static String maskedUrl(String url) {
        int host = url.indexOf("://");
        int path = host < 0 ? -1 : url.indexOf('/', host + 3);
        return path < 0 ? url : url.substring(0, path) + "/\u2026";
    }

    private static String clip(String value, int max) {
        return value == null ? null : value.substring(0, Math.min(value.length(), max));
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

    /** The extra headers, as name and value pairs. */
    java.util.Map<String, String> getHttpHeaders() {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (httpHeaders != null) {
            for (String line : httpHeaders.split("\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** Whether an attempt failing now is the last: the give-up time passed, or (without one) the attempts ran out. */
    boolean lastAttempt(Instant nextAttemptAt, int maxAttempts) {
        return giveUpAt != null ? nextAttemptAt.isAfter(giveUpAt) : attempts + 1 >= maxAttempts;
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    String getLastError() {
        return lastError;
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

    Channel getChannel() {
        return channel;
    }

    String getContentType() {
        return contentType;
    }

    int getAttempts() {
        return attempts;
    }

    NotificationStatus getStatus() {
        return status;
    }

    NotificationView toView() {
        return new NotificationView(id, channel.overHttp() ? maskedUrl(recipient) : recipient, subject, status, attempts, lastError, correlationId, createdAt,
                nextAttemptAt, sentAt, channel, receipt, idempotencyKey);
    }
}
