package com.sladesk.notification;

/** PENDING until sent (or retried after a failure), SENDING while a node holds it, FAILED after the last attempt. */
public enum NotificationStatus {
    PENDING, SENDING, SENT, FAILED
}
