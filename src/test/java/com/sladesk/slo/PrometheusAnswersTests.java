package com.sladesk.slo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A Prometheus that answers slowly, hugely or with nonsense (a real HTTP server in the test, doing
 * each on purpose for one metric) never blocks a request or another SLO: each bad answer is a gap
 * for its own SLO, said to be Prometheus's, while the good one is evaluated.
 */
@SlaDeskTest
class PrometheusAnswersTests {

    static final Instant END = Instant.parse("2025-02-20T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    PrometheusClient client;

    @Autowired
    SloEvaluator evaluator;

    @Autowired
    SloStore store;

    @Autowired
    ObjectMapper json;

    HttpServer server;
    PrometheusClient.Settings before;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/", this::answer);
        server.start();
        before = client.settings();
        client.use(new PrometheusClient.Settings("http://127.0.0.1:" + server.getAddress().getPort(), "secret-token", null,
                null, Duration.ofSeconds(2), 1_000_000));
        TestClock.pin(END);
    }

    @AfterEach
    void stop() {
        client.use(before);
        server.stop(0);
    }

    /** Each minute of the range asked for: 60 events, 59 of them good (the queries are already a minute's increase). */
    private void answer(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = URLDecoder.decode(form, StandardCharsets.UTF_8);
        if (!"Bearer secret-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"status\":\"error\",\"error\":\"unauthorized\"}");
            return;
        }
        if (query.contains("slow_metric")) {
            try {
                Thread.sleep(6_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (query.contains("malformed_metric")) {
            send(exchange, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[\"x\"");
            return;
        }
        if (query.contains("huge_metric")) {
            send(exchange, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"x\":\""
                    + "y".repeat(3_000_000) + "\"},\"values\":[]}]}}");
            return;
        }
        StringBuilder values = new StringBuilder();
        long start = parameter(form, "start", parameter(form, "time", END.getEpochSecond()));
        long end = parameter(form, "end", start);
        for (long t = start; t <= end; t += 60) {
            values.append(values.isEmpty() ? "" : ",").append("[").append(t).append(",\"")
                    .append(query.contains("good_metric") ? "59" : "60").append("\"]");
        }
        send(exchange, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":["
                + values + "]}]}}");
    }

    private static long parameter(String form, String name, long otherwise) {
        for (String pair : form.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Long.parseLong(pair.substring(name.length() + 1));
            }
        }
        return otherwise;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        catch (IOException closedByTheClient) {
            // the client gave up waiting: what the slow answer is for
        }
    }

    @Test
    void aSlowHugeOrMalformedAnswerIsAGapForItsOwnSloAndBlocksNothing() throws Exception {
        String suffix = "-" + System.nanoTime() % 100000;
        long slow = create("slow" + suffix, "sum(slow_metric_total)");
        long huge = create("huge" + suffix, "sum(huge_metric_total)");
        long malformed = create("malformed" + suffix, "sum(malformed_metric_total)");
        long fine = create("fine" + suffix, "sum(good_metric_total)");
        CompletableFuture<Void> evaluation = CompletableFuture.runAsync(() -> {
            for (long id : new long[] { slow, huge, malformed, fine }) {
                evaluator.evaluate(id, END);
            }
        });
        // while the slow answer is awaited, the API answers at once from what is stored
        long asked = System.nanoTime();
        mvc.perform(get("/api/slos/{id}/status", fine).with(httpBasic("sre", "demo"))).andExpect(status().isOk());
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
        evaluation.get(60, TimeUnit.SECONDS);

        assertThat(gap(slow)).isEqualTo("unreachable");
        assertThat(gap(huge)).isEqualTo("unreachable");
        assertThat(gap(malformed)).isEqualTo("error");
        // the good one: 59 of 60 a minute over the day
        mvc.perform(get("/api/slos/{id}/status", fine).with(httpBasic("sre", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.goodEvents").value(59.0 * 1440))
                .andExpect(jsonPath("$.totalEvents").value(60.0 * 1440))
                .andExpect(jsonPath("$.noDataMinutes").value(0));
        mvc.perform(get("/api/slos/{id}/status", slow).with(httpBasic("sre", "demo")))
                .andExpect(jsonPath("$.status").value("NO_DATA")).andExpect(jsonPath("$.noDataMinutes").value(1440));
        for (long id : new long[] { slow, huge, malformed, fine }) {
            mvc.perform(delete("/api/slos/{id}", id).with(httpBasic("sre", "demo"))).andExpect(status().isOk());
        }
    }

    private String gap(long id) {
        return store.minutes(id, END.minus(Duration.ofMinutes(5)), END).get(0).gap();
    }

    private long create(String name, String good) throws Exception {
        String created = mvc.perform(post("/api/slos").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "service": "x", "indicator": {"good": "%s", "total": "sum(all_total)"},
                                 "target": 99, "window": "1d"}""".formatted(name, good)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }
}
