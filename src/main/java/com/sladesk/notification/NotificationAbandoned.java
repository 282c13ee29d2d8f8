package com.sladesk.notification;

/**
 * The outbox gave up on a notification: its last attempt failed, its retry time ran out, or the
 * receiver refused it for good (a 4xx other than 408 and 429). Published in the transaction that
 * marks it FAILED, so whoever owns the address (a status-page webhook, say) can act on it.
 */
public record NotificationAbandoned(long notificationId, Channel channel, String idempotencyKey, String lastError) {
}
