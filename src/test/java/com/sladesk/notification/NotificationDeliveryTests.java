package com.sladesk.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mail goes through the outbox: stored with the change, delivered over real SMTP, retried when SMTP is down. */
@SlaDeskTest
@Tag("clock")
class NotificationDeliveryTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationDelivery delivery;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    /**
     * A node killed after the SMTP server took a mail and before "sent" was committed leaves it
     * SENDING with a lease that runs out; another node sends it again, and it is the same message to
     * the receiver: the same Message-ID, so duplicate suppression shows it once (the crash drill).
     */
    @Test
    void aMailSentAgainAfterACrashIsTheSameMessage() throws Exception {
        String recipient = unique("crash");
        long id = notifications.queue(recipient, "Sent twice", "message",
                Map.of("heading", "Sent twice", "lines", List.of("Once for the reader.")));
        delivery.deliverDue();
        jdbc.update("UPDATE notification SET status = 'SENDING', locked_until = ? WHERE id = ?",
                Timestamp.from(TestClock.now().minusSeconds(1)), id);
        delivery.deliverDue();

        MimeMessage[] received = smtp.getReceivedMessagesForDomain(recipient);
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo("<notification-" + id + "@localhost>")
                .isEqualTo(received[1].getMessageID());
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void storedNotificationReachesTheSmtpServer() throws Exception {
        String recipient = unique("ops");
        long id = notifications.queue(recipient, "Maintenance on Sunday", "message",
                Map.of("heading", "Maintenance on Sunday", "lines", List.of("Database upgrade 02:00-04:00 UTC.")));
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.PENDING);

        delivery.deliverDue();

        MimeMessage[] received = smtp.getReceivedMessagesForDomain(recipient);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Maintenance on Sunday");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("Database upgrade 02:00-04:00 UTC.").contains("text/html").contains("text/plain");
        NotificationView sent = notifications.get(id);
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.attempts()).isOne();
        assertThat(sent.sentAt()).isNotNull();
    }

    @Test
    void notificationCreatedWhileSmtpIsDownIsDeliveredOnceItIsBack() throws Exception {
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        TestClock.pin(start);
        smtp.stop();
        String recipient = unique("sre");
        long id = notifications.queue(recipient, "P1 breaching soon", "message",
                Map.of("heading", "P1 breaching soon", "lines", List.of("Respond within 15 minutes.")));

        delivery.deliverDue();

        NotificationView waiting = notifications.get(id);
        assertThat(waiting.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(waiting.attempts()).isOne();
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).isAfter(start);

        smtp.start();
        // not due yet: the backoff holds it back
        delivery.deliverDue();
        assertThat(smtp.getReceivedMessagesForDomain(recipient)).isEmpty();

        TestClock.pin(waiting.nextAttemptAt().plus(Duration.ofSeconds(1)));
        delivery.deliverDue();
        delivery.deliverDue();

        assertThat(smtp.getReceivedMessagesForDomain(recipient)).hasSize(1);
        NotificationView delivered = notifications.get(id);
        assertThat(delivered.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastError()).isNull();
    }

    @Test
    void aNotificationThatFailsTwentyTimesEndsFailedVisibleAndUntriedUntilRetried() throws Exception {
        Instant now = Instant.parse("2026-04-06T10:00:00Z");
        TestClock.pin(now);
        String recipient = unique("failing");
        smtp.stop();
        long id;
        try {
            id = notifications.queue(recipient, "Breach", "message", Map.of("heading", "Breach", "lines", List.of()));
            for (int attempt = 1; attempt <= 20; attempt++) {
                delivery.deliverDue();
                NotificationView after = notifications.get(id);
                assertThat(after.attempts()).isEqualTo(attempt);
                assertThat(after.status()).isEqualTo(attempt < 20 ? NotificationStatus.PENDING : NotificationStatus.FAILED);
                if (after.nextAttemptAt() != null) {
                    now = after.nextAttemptAt().plusSeconds(1);
                    TestClock.pin(now);
                }
            }
            // a day later it is still FAILED, tried 20 times and no more
            TestClock.pin(now.plus(Duration.ofDays(1)));
            delivery.deliverDue();
            assertThat(notifications.get(id).attempts()).isEqualTo(20);
            assertThat(notifications.find(recipient, NotificationStatus.FAILED, 10)).extracting(NotificationView::id)
                    .containsExactly(id);
        }
        finally {
            smtp.start();
        }
        notifications.retry(id);
        delivery.deliverDue();
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(smtp.getReceivedMessagesForDomain(recipient)).hasSize(1);
    }

    @Test
    void aNotificationIsStoredOnlyIfTheBusinessChangeCommits() {
        String recipient = unique("rollback");
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            notifications.queue(recipient, "never", "message", Map.of("heading", "never", "lines", List.of()));
            throw new IllegalStateException("business change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(notifications.find(recipient, null, 10)).isEmpty();
    }

    @Test
    void backoffDoublesUpToItsCap() {
        NotificationProperties properties = new NotificationProperties(true, Duration.ofSeconds(5), 50,
                Duration.ofSeconds(10), Duration.ofMinutes(15), 20, Duration.ofMinutes(2), Duration.ofSeconds(5));
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(properties.backoffAfter(12)).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.backoffAfter(60)).isEqualTo(Duration.ofMinutes(15));
    }

    /**
     * A backlog drains in one poll, batch after batch, each batch over one SMTP connection (issue
     * #21: one batch of 50 a poll sent a backlog of 128,000 at under ten a second).
     */
    @Test
    void aBacklogDrainsInOnePollBatchAfterBatch() throws Exception {
        String domain = backlog("backlog", 120);
        assertThat(delivery.drain()).isGreaterThanOrEqualTo(120);
        assertThat(receivedAt(domain)).hasSize(120);
        assertThat(sentTo(domain)).isEqualTo(120L);
    }

    /**
     * Two nodes draining one backlog at once (two threads here; the claim is the database's): a
     * batch is taken in one transaction, each row with its own conditional update, so every mail
     * goes out once and is marked SENT by whoever took it (issue #21, third round).
     */
    @Test
    void twoNodesDrainingOneBacklogAtOnceSendEachMailOnce() throws Exception {
        String domain = backlog("twice", 150);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(delivery::drain);
            var b = pool.submit(delivery::drain);
            assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(150);
        }
        finally {
            pool.shutdown();
        }
        assertThat(receivedAt(domain)).hasSize(150).doesNotHaveDuplicates();
        assertThat(sentTo(domain)).isEqualTo(150L);
    }

    /** Queues {@code count} mails, one to each of as many recipients of a new domain; returns the domain. */
    private String backlog(String name, int count) {
        String domain = unique(name).substring((name + "@").length());
        for (int i = 0; i < count; i++) {
            notifications.queue("r" + i + "@" + domain, name + " " + i, "message",
                    Map.of("heading", name, "lines", List.of("One of many.")));
        }
        return domain;
    }

    /** The recipients at {@code domain} of every mail the SMTP server received, once per mail. */
    private static List<String> receivedAt(String domain) throws jakarta.mail.MessagingException {
        List<String> recipients = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (to.endsWith("@" + domain)) {
                recipients.add(to);
            }
        }
        return recipients;
    }

    private Long sentTo(String domain) {
        return jdbc.queryForObject("SELECT count(*) FROM notification WHERE recipient LIKE ? AND status = 'SENT'",
                Long.class, "%@" + domain);
    }

    private static String unique(String name) {
        return name + "@" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }
}
