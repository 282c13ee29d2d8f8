package com.sladesk.notification;

import java.time.Duration;
import java.time.Instant;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.oncall.PagingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's HTTP channels against a real HTTP server (MockWebServer): a 2xx is delivered with
 * its answer as the receipt; 429, 500 and a receiver slower than the timeout are tried again
 * after the backoff; a 400 is refused for good; a message stored twice under one idempotency key
 * is stored and delivered once. The engine clock moves past each backoff.
 */
@SlaDeskTest
@Tag("clock")
class HttpDeliveryTests {

    static final Instant T0 = Instant.parse("2026-11-04T12:00:00Z");

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationDelivery delivery;

    PagingReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new PagingReceiver();
        TestClock.pin(T0);
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        TestClock.runFromStart();
    }

    @Test
    void a429ThenA500ThenATimeoutAreRetriedUntilTheReceiverTakesIt() {
        String key = "retry-" + System.nanoTime();
        receiver.answer("/hook/retry", 429, 500, -1, 202);
        long id = notifications.post(message(key, "/hook/retry"));

        for (int attempt = 1; attempt <= 3; attempt++) {
            deliverAt(T0.plus(Duration.ofMinutes(attempt * 10L)));
            NotificationView waiting = notifications.get(id);
            assertThat(waiting.status()).as("attempt " + attempt).isEqualTo(NotificationStatus.PENDING);
            assertThat(waiting.attempts()).isEqualTo(attempt);
            assertThat(waiting.nextAttemptAt()).isAfter(T0.plus(Duration.ofMinutes(attempt * 10L)));
        }
        assertThat(notifications.get(id).lastError()).contains("Timeout");
        deliverAt(T0.plus(Duration.ofMinutes(40)));
        NotificationView sent = notifications.get(id);
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.receipt()).isEqualTo("HTTP 202: {\"status\":\"202\"}");
        assertThat(sent.channel()).isEqualTo(Channel.SLACK);
        assertThat(sent.recipient()).as("a webhook URL's path is its secret").isEqualTo("http://127.0.0.1:18477/\u2026");
        assertThat(receiver.received("/hook/retry", key)).hasSize(4);
    }

    @Test
    void a400IsRefusedForGoodWithItsAnswer() {
        String key = "refused-" + System.nanoTime();
        receiver.answer("/hook/refused", 400);
        long id = notifications.post(message(key, "/hook/refused"));
        deliverAt(T0.plus(Duration.ofMinutes(1)));
        deliverAt(T0.plus(Duration.ofHours(2)));
        NotificationView refused = notifications.get(id);
        assertThat(refused.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(refused.receipt()).startsWith("HTTP 400");
        assertThat(receiver.received("/hook/refused", key)).hasSize(1);
    }

    @Test
    void oneIdempotencyKeyIsStoredAndDeliveredOnce() {
        String key = "once-" + System.nanoTime();
        long first = notifications.post(message(key, "/hook/once"));
        long second = notifications.post(message(key, "/hook/once"));
        assertThat(second).isEqualTo(first);
        deliverAt(T0.plus(Duration.ofMinutes(1)));
        deliverAt(T0.plus(Duration.ofMinutes(30)));
        assertThat(receiver.received("/hook/once", key)).hasSize(1);
        assertThat(notifications.get(first).idempotencyKey()).isEqualTo(key);
    }

    private HttpMessage message(String key, String path) {
        return new HttpMessage(Channel.SLACK, receiver.url(path), "application/json",
                "{\"text\":\"hello\",\"idempotency_key\":\"" + key + "\"}", "test " + key, key);
    }

    private void deliverAt(Instant at) {
        TestClock.pin(at);
        delivery.deliverDue();
    }
}
