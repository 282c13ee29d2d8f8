package com.sladesk.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How notifications are delivered: polling, batch, backoff between attempts, when to give up. */
@ConfigurationProperties("sladesk.notification.delivery")
record NotificationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT5S") Duration pollInterval,
        @DefaultValue("50") int batchSize, @DefaultValue("PT10S") Duration initialBackoff,
        @DefaultValue("PT15M") Duration maxBackoff, @DefaultValue("20") int maxAttempts,
        @DefaultValue("PT2M") Duration lease, @DefaultValue("PT5S") Duration httpTimeout) {

    /** Exponential backoff: initial, 2×, 4×… capped at the maximum. */
    Duration backoffAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(doublings, 20));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
