package com.sladesk.incident;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sladesk.DrillResults;
import com.sladesk.SlaDeskTest;
import com.sladesk.availability.AvailabilityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back-filling incidents, as a team importing its history does: as fast as it can, over real
 * HTTP. An incident opened in the past has every timer due at once; acknowledging and resolving
 * it races the timers firing, and that race is retried, never answered with a 5xx. A back-fill
 * with {@code resolvedAt} and {@code cause} is one request, starts no process and sends no mail.
 */
@SlaDeskTest
@Tag("clock")
class BackfillTests {

    static final int INCIDENTS = 200;

    static final int CLIENTS = 8;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    AvailabilityService availability;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void acknowledgingAndResolvingWhileEveryTimerFiresIsNeverA5xx() throws Exception {
        YearMonth month = YearMonth.of(2019, 3);
        Set<String> ours = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger fired = new AtomicInteger();
        ExecutorService timers = Executors.newFixedThreadPool(2);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Integer> codes = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int t = 0; t < 2; t++) {
                // the job executor's part: fire every due timer of these incidents, as soon as it is due
                timers.submit(() -> {
                    while (running.get()) {
                        for (Job job : management.createJobQuery().processDefinitionKey(IncidentResponseProcess.KEY)
                                .executable().listPage(0, 50)) {
                            if (ours.contains(job.getProcessInstanceId())) {
                                try {
                                    management.executeJob(job.getId());
                                    fired.incrementAndGet();
                                }
                                catch (RuntimeException lostTheRace) {
                                    // the real executor retries a failed job; a deleted one is gone
                                }
                            }
                        }
                    }
                    return null;
                });
            }
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < INCIDENTS; i++) {
                Instant openedAt = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                        .plus(Duration.ofHours(3L * i));
                work.add(clients.submit(() -> {
                    ResponseEntity<Map> opened = sre().postForEntity("/api/incidents", json("""
                            {"title": "Imported outage", "severity": "P1", "components": ["core"],
                             "environment": "production", "impact": "outage", "openedAt": "%s"}""".formatted(openedAt)),
                            Map.class);
                    codes.add(opened.getStatusCode().value());
                    long id = ((Number) opened.getBody().get("id")).longValue();
                    ours.add(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                            .singleResult().getId());
                    codes.add(sre().postForEntity("/api/incidents/" + id + "/acknowledge", null, String.class)
                            .getStatusCode().value());
                    codes.add(sre().postForEntity("/api/incidents/" + id + "/resolve", json("""
                            {"cause": "internal", "resolvedAt": "%s"}""".formatted(openedAt.plus(Duration.ofMinutes(10)))),
                            String.class).getStatusCode().value());
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
        }
        finally {
            running.set(false);
            clients.shutdownNow();
            timers.shutdown();
            timers.awaitTermination(1, TimeUnit.MINUTES);
        }
        Map<Integer, Long> byStatus = codes.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        DrillResults.record("Back-fill race", INCIDENTS + " incidents opened in the past, acknowledged and resolved while "
                + fired.get() + " of their timers fired: answers by status " + byStatus);
        assertThat(byStatus).containsOnlyKeys(200, 201);
        assertThat(byStatus.get(201)).isEqualTo(INCIDENTS);
        assertThat(fired.get()).as("timers fired during the race").isPositive();
        assertThat(availability.month(month).downtimeMinutes()).isEqualByComparingTo(new BigDecimal(INCIDENTS * 10));
    }

    @Test
    void aBackFillIsOneRequestWithNoProcessNoTimerAndNoMail() throws Exception {
        YearMonth month = YearMonth.of(2019, 4);
        long notificationsBefore = count("notification");
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<ResponseEntity<Map>>> created = new ArrayList<>();
        try {
            for (int i = 0; i < INCIDENTS; i++) {
                Instant openedAt = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                        .plus(Duration.ofHours(3L * i));
                String severity = "P" + (1 + i % 4);
                created.add(clients.submit(() -> sre().postForEntity("/api/incidents", json("""
                        {"title": "Imported", "severity": "%s", "components": ["core"], "environment": "production",
                         "impact": "outage", "openedAt": "%s", "resolvedAt": "%s", "cause": "internal"}"""
                        .formatted(severity, openedAt, openedAt.plus(Duration.ofMinutes(10)))), Map.class)));
            }
            for (Future<ResponseEntity<Map>> f : created) {
                ResponseEntity<Map> response = f.get(5, TimeUnit.MINUTES);
                assertThat(response.getStatusCode().value()).isEqualTo(201);
                Map<?, ?> incident = response.getBody();
                assertThat(incident.get("status")).isEqualTo("RESOLVED");
                assertThat(incident.get("cause")).isEqualTo("internal");
                String id = incident.get("id").toString();
                assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
                assertThat((List<?>) incident.get("breaches")).isEmpty();
            }
        }
        finally {
            clients.shutdownNow();
        }
        assertThat(count("notification")).as("no mail for a past that is over").isEqualTo(notificationsBefore);
        assertThat(availability.month(month).downtimeMinutes()).isEqualByComparingTo(new BigDecimal(INCIDENTS * 10));
    }

    @Test
    void aBackFillResolvedAfterItsTargetKeepsTheBreachItWas() {
        ResponseEntity<Map> response = sre().postForEntity("/api/incidents", json("""
                {"title": "Long night", "severity": "P1", "components": ["api"], "environment": "production",
                 "impact": "outage", "openedAt": "2019-05-04T20:00:00Z", "resolvedAt": "2019-05-05T02:00:00Z",
                 "cause": "internal"}"""), Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        List<Map<String, Object>> breaches = (List<Map<String, Object>>) response.getBody().get("breaches");
        assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.get("target")).isEqualTo("RESOLUTION");
            assertThat(b.get("dueAt")).isEqualTo("2019-05-05T00:00:00Z");
        });
        assertThat(response.getBody().get("postmortemDueAt")).isNotNull();
    }

    @Test
    void aBackFillNamesWhatIsMissingOrOutOfOrder() {
        String base = """
                {"title": "x", "severity": "P2", "components": ["core"], "environment": "production", "impact": "outage" """;
        long before = count("incident");
        assertProblem(base + ", \"openedAt\": \"2019-05-01T10:00:00Z\", \"resolvedAt\": \"2019-05-01T11:00:00Z\"}", "cause", "required");
        assertProblem(base + ", \"openedAt\": \"2019-05-01T10:00:00Z\", \"cause\": \"internal\"}", "cause", "resolvedAt");
        assertProblem(base + ", \"resolvedAt\": \"2019-05-01T11:00:00Z\", \"cause\": \"internal\"}", "openedAt", "required");
        assertProblem(base + ", \"openedAt\": \"2019-05-01T10:00:00Z\", \"resolvedAt\": \"2019-05-01T09:00:00Z\", \"cause\": \"internal\"}",
                "resolvedAt", "order");
        assertProblem(base + ", \"openedAt\": \"2019-05-01T10:00:00Z\", \"resolvedAt\": \"2099-05-01T09:00:00Z\", \"cause\": \"internal\"}",
                "resolvedAt", "time");
        assertThat(count("incident")).isEqualTo(before);
    }

    private void assertProblem(String body, String field, String rule) {
        ResponseEntity<Map> response = sre().postForEntity("/api/incidents", json(body), Map.class);
        assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
        Map<?, ?> error = (Map<?, ?>) ((List<?>) response.getBody().get("errors")).get(0);
        assertThat(error.get("field")).as(body).isEqualTo(field);
        assertThat(error.get("rule")).as(body).isEqualTo(rule);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private TestRestTemplate sre() {
        return http.withBasicAuth("sre", "demo");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
