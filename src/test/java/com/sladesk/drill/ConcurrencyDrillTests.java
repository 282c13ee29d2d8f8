package com.sladesk.drill;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import com.sladesk.DrillResults;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill 5 of the reliability issue: 50 parallel acknowledgements of one incident and 50 parallel
 * decisions on one credit claim, over real HTTP. Exactly one wins, the rest get 409, never a 500,
 * and no mail goes out twice.
 */
@SlaDeskTest
@Tag("drill")
@Tag("clock")
class ConcurrencyDrillTests {

    static final int PARALLEL = 50;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Notifications notifications;

    @Test
    void fiftyParallelAcknowledgementsHaveOneWinner() throws Exception {
        ResponseEntity<Map> opened = http.withBasicAuth("sre", "demo").postForEntity("/api/incidents", json("""
                {"title": "Race", "severity": "P3", "components": ["core"], "environment": "production", "impact": "degraded"}"""),
                Map.class);
        long id = ((Number) opened.getBody().get("id")).longValue();

        Map<Integer, Long> statuses = race(i -> http.withBasicAuth(i % 2 == 0 ? "sre" : "sre2", "demo")
                .postForEntity("/api/incidents/" + id + "/acknowledge", null, String.class).getStatusCode().value());

        DrillResults.record("Concurrency drill: 50 parallel acknowledgements", "answers by status " + statuses);
        assertThat(statuses).containsOnlyKeys(200, 409);
        assertThat(statuses.get(200)).isOne();
        Map<?, ?> incident = http.withBasicAuth("sre", "demo").getForObject("/api/incidents/" + id, Map.class);
        assertThat(((List<?>) incident.get("timeline")).stream().filter(e -> "acknowledged".equals(((Map<?, ?>) e).get("action"))))
                .hasSize(1);
    }

    @Test
    void fiftyParallelDecisionsOnOneClaimHaveOneWinnerAndOneMail() throws Exception {
        // a month no other test claims, with its 30-day claim window open: the 5th of the month after
        YearMonth claimed = TestClock.startMonth().minusMonths(40);
        TestClock.pin(claimed.plusMonths(1).atDay(5).atTime(10, 0).toInstant(ZoneOffset.UTC));
        String month = claimed.toString();
        ResponseEntity<Map> claim = http.withBasicAuth("globex", "demo").postForEntity("/api/credit-requests",
                json("{\"month\": \"" + month + "\", \"description\": \"race\"}"), Map.class);
        assertThat(claim.getStatusCode().value()).isEqualTo(201);
        long id = ((Number) claim.getBody().get("id")).longValue();

        Map<Integer, Long> statuses = race(i -> http.withBasicAuth(i % 2 == 0 ? "sre" : "sre2", "demo")
                .postForEntity("/api/credit-requests/" + id + "/decision",
                        json("{\"approved\": false, \"reason\": \"race " + i + "\"}"), String.class).getStatusCode().value());

        DrillResults.record("Concurrency drill: 50 parallel credit decisions", "answers by status " + statuses);
        assertThat(statuses).containsOnlyKeys(200, 409);
        assertThat(statuses.get(200)).isOne();
        List<NotificationView> rejections = notifications.find("it@globex.example", null, 1000).stream()
                .filter(n -> n.subject().endsWith("rejected")).filter(n -> n.subject().contains(
                        http.withBasicAuth("sre", "demo").getForObject("/api/credit-requests/" + id, Map.class).get("month").toString()))
                .toList();
        assertThat(rejections).hasSize(1);
    }

    private static Map<Integer, Long> race(IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int n = i;
                results.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> result : results) {
                codes.add(result.get());
            }
            return codes.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
