package com.sladesk.slo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sladesk.SlaDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly one node evaluates each minute: of eight asking for the same minute at once, one gets it
 * (on real SQL); and the minutes are kept 400 days, no longer.
 */
@SlaDeskTest
class EvaluatorLockTests {

    @Autowired
    SloEvaluator evaluator;

    @Test
    void minutesAreKept400DaysThenForgotten() {
        long id = store.findByName("mahavishnu-availability").orElseThrow().id();
        Instant now = Instant.parse("2027-03-01T00:00:00Z");
        Instant old = now.minus(Duration.ofDays(400)).minus(Duration.ofMinutes(1));
        Instant kept = now.minus(Duration.ofDays(400)).plus(Duration.ofMinutes(1));
        store.store(id, List.of(new SloStore.Minute(old, 1.0, 1.0, null)));
        store.store(id, List.of(new SloStore.Minute(kept, 1.0, 1.0, null)));
        assertThat(evaluator.prune(now)).isGreaterThanOrEqualTo(1);
        assertThat(store.minutes(id, old.minusSeconds(60), old)).isEmpty();
        assertThat(store.minutes(id, kept.minusSeconds(60), kept)).hasSize(1);
        jdbc.update("DELETE FROM slo_minute WHERE slo_id = ? AND minute_end = ?", id, SloStore.utc(kept));
    }

    @Autowired
    SloStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ofEightNodesAskingForTheSameMinuteExactlyOneEvaluatesIt() throws Exception {
        Instant last = jdbc.queryForObject("SELECT last_minute FROM slo_evaluator_lock WHERE id = 1", OffsetDateTime.class)
                .toInstant();
        ExecutorService nodes = Executors.newFixedThreadPool(8);
        try {
            for (int minute = 1; minute <= 3; minute++) {
                Instant next = last.plus(Duration.ofMinutes(minute));
                List<Callable<Boolean>> asks = new ArrayList<>();
                for (int node = 0; node < 8; node++) {
                    asks.add(() -> store.claim(next));
                }
                long winners = 0;
                for (Future<Boolean> answer : nodes.invokeAll(asks)) {
                    winners += answer.get() ? 1 : 0;
                }
                assertThat(winners).as("nodes evaluating %s", next).isEqualTo(1);
                // a minute already taken, or an earlier one, is nobody's
                assertThat(store.claim(next)).isFalse();
                assertThat(store.claim(next.minus(Duration.ofMinutes(1)))).isFalse();
            }
        }
        finally {
            nodes.shutdownNow();
        }
    }
}
