package com.sladesk.slo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #19 against a real Prometheus (Debian's, started here) on 35 back-filled days of the SLA's
 * {@code mahavishnu_*} series ({@link SlaTelemetry}): the SLA's SLOs, loaded from
 * {@code ops/slos/mahavishnu.yaml} on first start, back-fill their windows and come out exact
 * (hand-computed in {@link SlaTelemetry}'s terms below); an outage of Prometheus is recorded as
 * gaps and back-filled when it returns; an empty query is no data, never 100% or 0%; a query
 * Prometheus refuses makes the SLO invalid; the gating SLOs drive the change gate; and the same
 * Prometheus scrapes this service's own metrics, closing the loop.
 */
@SlaDeskTest
@Tag("prometheus")
@EnabledIf("com.sladesk.slo.TestPrometheus#available")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusSloTests {

    static final Instant END = SlaTelemetry.END;

    @Autowired
    MockMvc mvc;

    @Autowired
    SloEvaluator evaluator;

    @Autowired
    SloStore store;

    @Autowired
    PrometheusClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    TestPrometheus prometheus;
    PrometheusClient.Settings before;

    @BeforeAll
    void startPrometheus() throws Exception {
        prometheus = TestPrometheus.start("""
                  - job_name: sladesk
                    scrape_interval: 1s
                    metrics_path: /actuator/prometheus
                    basic_auth: {username: prometheus, password: scrape-secret}
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(port));
        before = client.settings();
        client.use(new PrometheusClient.Settings(prometheus.url(), null, null, null, Duration.ofSeconds(10), 64L << 20));
        jdbc.update("DELETE FROM slo_minute");
        jdbc.update("UPDATE slo SET evaluated_at = NULL, histogram_bounds = NULL, state = 'PENDING', problem = NULL");
    }

    @AfterAll
    void stopPrometheus() throws Exception {
        client.use(before);
        jdbc.update("DELETE FROM slo_minute");
        jdbc.update("UPDATE slo SET evaluated_at = NULL, histogram_bounds = NULL, state = 'PENDING', problem = NULL");
        prometheus.close();
    }

    @Test
    @Order(1)
    void anOutageIsRecordedAsGapsAndBackFilledWhenPrometheusReturns() throws Exception {
        long availability = id("mahavishnu-availability");
        TestClock.pin(END.minus(Duration.ofMinutes(30)));
        evaluator.evaluateAll(END.minus(Duration.ofMinutes(30)));
        assertThat(gaps(availability)).isZero();
        figures(availability).andExpect(jsonPath("$.noDataMinutes").value(0));

        prometheus.stop();
        TestClock.pin(END.minus(Duration.ofMinutes(20)));
        evaluator.evaluateAll(END.minus(Duration.ofMinutes(20)));
        // ten minutes without Prometheus: ten gaps, said to be Prometheus's, and counted as no data
        for (String name : List.of("mahavishnu-availability", "mahavishnu-error-rate", "mahavishnu-latency-p99")) {
            List<SloStore.Minute> last = store.minutes(id(name), END.minus(Duration.ofMinutes(30)), END.minus(Duration.ofMinutes(20)));
            assertThat(last).hasSize(10).allSatisfy(m -> {
                assertThat(m.gap()).isEqualTo("unreachable");
                assertThat(m.total()).isNull();
            });
        }
        figures(availability).andExpect(jsonPath("$.noDataMinutes").value(10));

        prometheus.restart();
        TestClock.pin(END);
        evaluator.evaluateAll(END);
        // the gap is filled from query_range: not one minute is missing from the window any more
        assertThat(gaps(availability)).isZero();
        assertThat(store.minutes(availability, END.minus(Duration.ofMinutes(30)), END))
                .hasSize(30).allSatisfy(m -> assertThat(m.total()).isEqualTo(1003.0));
    }

    /**
     * Availability, 30 days to END: 1,000 successful requests a minute (the agno counter's reset ten
     * days before END counted as its new value) and 3,780 failed: 2,400 (20 days before) + 600 + 600
     * (3–5 h before) + 180 (last hour); the 6,000 of 33 days before are outside the window.
     * SLI = 43,200,000 / 43,203,780 = 99.991251%; budget 0.1% of 43,203,780 = 43,203.78 requests,
     * 3,780 consumed, 39,423.78 left (91.2508%). Burn 1 h: 180 / 60,180 / 0.001 = 2.9910; 6 h:
     * 1,380 / 361,380 / 0.001 = 3.8187; 24 h: 1,380 / 1,441,380 / 0.001 = 0.9574; 3 d: 0.3193.
     * Time left at the last hour's 180 an hour: 39,423.78 / 180 h = 788,476 s.
     */
    @Test
    @Order(2)
    void theSlasAvailabilitySloIsExact() throws Exception {
        TestClock.pin(END);
        figures(id("mahavishnu-availability"))
                .andExpect(jsonPath("$.name").value("mahavishnu-availability"))
                .andExpect(jsonPath("$.target").value(99.9))
                .andExpect(jsonPath("$.window").value("30d"))
                .andExpect(jsonPath("$.sli").value(99.991251))
                .andExpect(jsonPath("$.goodEvents").value(43_200_000.0))
                .andExpect(jsonPath("$.totalEvents").value(43_203_780.0))
                .andExpect(jsonPath("$.errorBudget.total").value(43_203.78))
                .andExpect(jsonPath("$.errorBudget.consumed").value(3_780.0))
                .andExpect(jsonPath("$.errorBudget.remaining").value(39_423.78))
                .andExpect(jsonPath("$.errorBudget.remainingPercent").value(91.2508))
                .andExpect(jsonPath("$.burnRates.1h").value(2.991))
                .andExpect(jsonPath("$.burnRates.6h").value(3.8187))
                .andExpect(jsonPath("$.burnRates.24h").value(0.9574))
                .andExpect(jsonPath("$.burnRates.3d").value(0.3193))
                .andExpect(jsonPath("$.status").value("HEALTHY"))
                .andExpect(jsonPath("$.policy").value("NORMAL"))
                .andExpect(jsonPath("$.timeLeft").value("PT219H1M16S"))
                .andExpect(jsonPath("$.noDataMinutes").value(0))
                .andExpect(jsonPath("$.windowMinutes").value(43_200))
                .andExpect(jsonPath("$.state").value("VALID"))
                .andExpect(jsonPath("$.evaluatedAt").value("2025-02-20T12:00:00Z"));
    }

    /**
     * Error rate, 30 days: errors are the 3,000 HTTP 503 and 780 gRPC UNAVAILABLE of the window, the
     * 60 timeouts and the 60 workflow failures = 3,900 (the 429s are client errors: not counted);
     * requests 43,203,780 + 60 timeouts = 43,203,840. SLI 1 − 3,900 / 43,203,840 = 99.990973%;
     * 39,303.84 of 43,203.84 left (90.9730%). Burn 1 h: (180 + 60 + 60) / 60,240 / 0.001 = 4.9801.
     */
    @Test
    @Order(3)
    void theSlasErrorRateSloCountsTheSlasErrorsOnly() throws Exception {
        TestClock.pin(END);
        figures(id("mahavishnu-error-rate"))
                .andExpect(jsonPath("$.sli").value(99.990973))
                .andExpect(jsonPath("$.totalEvents").value(43_203_840.0))
                .andExpect(jsonPath("$.errorBudget.consumed").value(3_900.0))
                .andExpect(jsonPath("$.errorBudget.remainingPercent").value(90.973))
                .andExpect(jsonPath("$.burnRates.1h").value(4.9801))
                .andExpect(jsonPath("$.burnRates.6h").value(4.1501))
                .andExpect(jsonPath("$.status").value("HEALTHY"));
    }

    /**
     * Latency, 24 hours, 1,000 requests a minute: 1,380 normal minutes and 60 slow ones (the last
     * hour). p50 (≤ 50 ms, a bound): 800 and 700 a minute → 1,146,000 / 1,440,000 = 79.583333%,
     * HEALTHY. p95 (≤ 100 ms, a bound): 950 and 900 → 94.791667%: 75,000 of a 72,000 budget,
     * −4.1667% left, WARNING (errors 5.2% ≤ 5 × 5%), EXHAUSTED. p99 (≤ 200 ms, between the bounds
     * 0.1 and 0.25: two thirds of that bucket): 950 + 45 × 2/3 = 980 and 900 + 90 × 2/3 = 960 →
     * 1,410,000 = 97.916667%, 30,000 of a 14,400 budget (−108.3333%), burn 1 h 4.0000.
     */
    @Test
    @Order(4)
    void theSlasLatencySlosAreExactFromTheHistogramBuckets() throws Exception {
        TestClock.pin(END);
        figures(id("mahavishnu-latency-p50")).andExpect(jsonPath("$.sli").value(79.583333))
                .andExpect(jsonPath("$.errorBudget.remainingPercent").value(59.1667))
                .andExpect(jsonPath("$.burnRates.1h").value(0.6))
                .andExpect(jsonPath("$.status").value("HEALTHY"))
                .andExpect(jsonPath("$.windowMinutes").value(1_440));
        figures(id("mahavishnu-latency-p95")).andExpect(jsonPath("$.sli").value(94.791667))
                .andExpect(jsonPath("$.errorBudget.total").value(72_000.0))
                .andExpect(jsonPath("$.errorBudget.consumed").value(75_000.0))
                .andExpect(jsonPath("$.errorBudget.remainingPercent").value(-4.1667))
                .andExpect(jsonPath("$.burnRates.1h").value(2.0))
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.policy").value("EXHAUSTED"))
                .andExpect(jsonPath("$.timeLeft").value("PT0S"));
        figures(id("mahavishnu-latency-p99")).andExpect(jsonPath("$.sli").value(97.916667))
                .andExpect(jsonPath("$.goodEvents").value(1_410_000.0))
                .andExpect(jsonPath("$.errorBudget.remainingPercent").value(-108.3333))
                .andExpect(jsonPath("$.burnRates.1h").value(4.0))
                .andExpect(jsonPath("$.burnRates.24h").value(2.0833))
                .andExpect(jsonPath("$.status").value("WARNING"));
        // the p99 rules use the bounds the evaluator found around 0.2 s
        assertThat(store.bounds(id("mahavishnu-latency-p99"))).containsExactly(0.1, 0.25);
    }

    @Test
    @Order(5)
    void aQueryWithoutDataIsNoDataNeverAHundredOrZeroPercent() throws Exception {
        TestClock.pin(END);
        long id = create("""
                {"name": "no-such-metric-%d", "service": "mahavishnu", "indicator": {"good": "sum(no_such_metric_total)",
                 "total": "sum(mahavishnu_requests_total)"}, "target": 99.9, "window": "1d"}""".formatted(System.nanoTime() % 100000));
        evaluator.evaluate(id, END);
        figures(id).andExpect(jsonPath("$.status").value("NO_DATA"))
                .andExpect(jsonPath("$.sli").doesNotExist())
                .andExpect(jsonPath("$.burnRates.1h").doesNotExist())
                .andExpect(jsonPath("$.noDataMinutes").value(1_440))
                .andExpect(jsonPath("$.windowMinutes").value(1_440));
        assertThat(store.minutes(id, END.minus(Duration.ofHours(1)), END)).allSatisfy(m -> assertThat(m.gap()).isEqualTo("empty"));
        retire(id);
    }

    @Test
    @Order(6)
    void aQueryPrometheusRefusesIsSavedInvalidWithItsMessageAndEvaluatesNothing() throws Exception {
        TestClock.pin(END);
        String created = mvc.perform(post("/api/slos").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "broken-promql-%d", "service": "mahavishnu", "indicator": {"bad": "sum(rate(",
                                 "total": "sum(mahavishnu_requests_total)"}, "target": 99.9, "window": "30d"}"""
                                .formatted(System.nanoTime() % 100000)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("INVALID"))
                .andExpect(jsonPath("$.problem").value(containsString("parse error")))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        evaluator.evaluate(id, END);
        assertThat(store.lastMinute(id)).isEmpty();
        retire(id);
    }

    @Test
    @Order(7)
    void aThresholdBeyondTheHistogramsBoundsIsRefusedNamingTheField() throws Exception {
        TestClock.pin(END);
        mvc.perform(post("/api/slos").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "latency-20s", "service": "mahavishnu", "indicator": {
                         "histogram": "mahavishnu_request_duration_seconds_bucket", "thresholdSeconds": 20},
                         "target": 99, "window": "1d"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicator.thresholdSeconds"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("unknown histogram bound")));
        assertThat(store.findByName("latency-20s")).isEmpty();
    }

    /** The change gate takes the worst tier among the incident-based availability and the gating SLOs, and says which. */
    @Test
    @Order(8)
    void theWorstGatingSloDecidesTheChangeGate() throws Exception {
        TestClock.pin(END);
        String gateName = "latency-gate-" + System.nanoTime() % 100000;
        long gate = create("""
                {"name": "%s", "displayName": "Latency gate", "service": "mahavishnu",
                 "indicator": {"histogram": "mahavishnu_request_duration_seconds_bucket", "thresholdSeconds": 0.1},
                 "target": 95, "window": "1d", "gatesChanges": true}""".formatted(gateName));
        evaluator.evaluate(gate, END);
        mvc.perform(post("/api/changes").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Feature flag rollout\", \"description\": \"x\", \"kind\": \"feature\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.policy").value("EXHAUSTED"))
                .andExpect(jsonPath("$.policySource").value("slo:" + gateName))
                .andExpect(jsonPath("$.errorBudgetRemainingPercent").value(-4.1667))
                .andExpect(jsonPath("$.decision").value("BLOCKED"))
                .andExpect(jsonPath("$.reason").value(containsString("set by SLO " + gateName)));
        retire(gate);
        mvc.perform(post("/api/changes").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Feature flag rollout\", \"description\": \"x\", \"kind\": \"feature\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.policySource").value("availability"));
    }

    /** Prometheus scrapes this service's /actuator/prometheus; an SLO on SLA Desk's own requests evaluates from it. */
    @Test
    @Order(9)
    void theLoopClosesPrometheusScrapesSlaDeskAndSlaDeskEvaluatesItself() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        long id = -1;
        while (Instant.now().isBefore(deadline)) {
            List<PrometheusClient.Series> up = client.query("up{job=\"sladesk\"}", Instant.now());
            if (!up.isEmpty() && up.get(0).samples().values().iterator().next() == 1.0) {
                break;
            }
            Thread.sleep(500);
        }
        TestClock.pin(Instant.now());
        id = create("""
                {"name": "sladesk-itself-%d", "service": "sla-desk", "indicator": {
                 "good": "sum(http_server_requests_seconds_count{job=\\"sladesk\\", status!~\\"5..\\"})",
                 "total": "sum(http_server_requests_seconds_count{job=\\"sladesk\\"})"}, "target": 99.9, "window": "1d"}"""
                .formatted(System.nanoTime() % 100000));
        assertThat(store.find(id).orElseThrow().state()).isEqualTo("VALID");
        double total = 0;
        while (Instant.now().isBefore(deadline) && total == 0) {
            Thread.sleep(5_000);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            TestClock.pin(Instant.now());
            evaluator.evaluate(id, now);
            total = store.sums(id, now.minus(Duration.ofDays(1)), now).total();
        }
        assertThat(total).as("requests Prometheus scraped from SLA Desk's own metrics").isPositive();
        String answer = figures(id).andReturn().getResponse().getContentAsString();
        JsonNode figures = json.readTree(answer);
        assertThat(figures.get("totalEvents").asDouble()).isPositive();
        assertThat(figures.get("status").asText()).isIn("HEALTHY", "WARNING", "CRITICAL");
        retire(id);
    }

    private long id(String name) {
        return store.findByName(name).orElseThrow().id();
    }

    private long gaps(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM slo_minute WHERE slo_id = ? AND gap IS NOT NULL", Long.class, id);
    }

    private ResultActions figures(long id) throws Exception {
        return mvc.perform(get("/api/slos/{id}/status", id).with(httpBasic("sre", "demo"))).andExpect(status().isOk());
    }

    private long create(String body) throws Exception {
        String created = mvc.perform(post("/api/slos").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    private void retire(long id) throws Exception {
        mvc.perform(delete("/api/slos/{id}", id).with(httpBasic("sre", "demo"))).andExpect(status().isOk());
    }
}
