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

/** Exactly one node evaluates each minute: of eight asking for the same minute at once, one gets it (on real SQL). */
@SlaDeskTest
class EvaluatorLockTests {

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
