package com.sladesk.notification;

import java.time.Instant;

/**
 * A stored notification as the API and pages show it: for an HTTP channel the recipient is the
 * URL and the receipt the receiver's answer ({@code HTTP 202: ...}).
 */
public record NotificationView(long id, String recipient, String subject, NotificationStatus status, int attempts,
        String lastError, String correlationId, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
        Channel channel, String receipt, String idempotencyKey) {
}
