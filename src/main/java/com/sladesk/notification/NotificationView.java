package com.sladesk.notification;

import java.time.Instant;

/** A stored notification as the API and pages show it. */
public record NotificationView(long id, String recipient, String subject, NotificationStatus status, int attempts,
        String lastError, String correlationId, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
}
