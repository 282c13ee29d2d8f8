package com.sladesk.notification;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broadcast waits behind what the SLA's clocks send: a status notice stored before a breach mail
 * is still delivered after it (the cluster drill's 1,000 incidents tell two customers each, and
 * their breach mails must not queue behind those notices).
 */
@SlaDeskTest
@Tag("clock")
class NotificationPriorityTests {

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationRepository repository;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void aBroadcastStoredFirstIsDeliveredAfterAnUrgentMail() {
        TestClock.pin(Instant.parse("2026-10-20T08:00:00Z"));
        String run = String.valueOf(System.nanoTime());
        long notice = notifications.queueBulkOnce("priority-" + run, "subscriber@example.org", "Investigating: x",
                "message", java.util.Map.of("heading", "x", "lines", List.of("x")), List.of());
        TestClock.pin(Instant.parse("2026-10-20T08:05:00Z"));
        long breach = notifications.queue("sre@example.org", "[P1] SLA BREACH " + run, "message",
                java.util.Map.of("heading", "x", "lines", List.of("x")));
        List<Long> due = repository.findDue(Instant.parse("2026-10-20T08:06:00Z"), EnumSet.allOf(Channel.class),
                PageRequest.of(0, 100_000));
        assertThat(due).contains(notice, breach);
        assertThat(due.indexOf(breach)).as("the breach mail goes first").isLessThan(due.indexOf(notice));
        assertThat(notifications.queueBulkOnce("priority-" + run, "subscriber@example.org", "Investigating: x",
                "message", java.util.Map.of("heading", "x", "lines", List.of("x")), List.of())).isEqualTo(notice);
    }
}
