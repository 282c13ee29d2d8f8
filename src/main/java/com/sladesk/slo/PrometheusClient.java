package com.sladesk.slo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Prometheus's HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}), which Thanos, Mimir
 * and VictoriaMetrics answer too. Every call is bounded: a connection and an answer within
 * {@code sladesk.prometheus.timeout} (10 s), an answer of at most
 * {@code sladesk.prometheus.max-answer-bytes}; a slow, huge or malformed answer is an exception for
 * the one query that asked, never a blocked thread.
 */
@Component
class PrometheusClient {

    /** One series of an answer: its labels and its samples (seconds since the epoch → value). */
    record Series(Map<String, String> labels, Map<Long, Double> samples) {
    }

    /** Prometheus could not be asked or did not answer usefully: the minutes it covers are gaps. */
    static class Unavailable extends Exception {
        private final String gap;

        Unavailable(String gap, String message, Throwable cause) {
            super(message, cause);
            this.gap = gap;
        }

        /** {@code unreachable} (no answer) or {@code error} (an answer that is not one). */
        String gap() {
            return gap;
        }
    }

    /** Prometheus refused the query itself (HTTP 400/422, {@code bad_data}): the SLO is invalid. */
    static class Rejected extends Exception {
        Rejected(String message) {
            super(message);
        }
    }

    private final ObjectMapper json;
    private volatile Settings settings;
    private volatile HttpClient http;

    record Settings(String url, String bearerToken, String username, String password, Duration timeout,
            long maxAnswerBytes) {

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    PrometheusClient(ObjectMapper json, @Value("${sladesk.prometheus.url:}") String url,
            @Value("${sladesk.prometheus.bearer-token:}") String bearerToken,
            @Value("${sladesk.prometheus.username:}") String username,
            @Value("${sladesk.prometheus.password:}") String password,
            @Value("${sladesk.prometheus.timeout:10s}") Duration timeout,
            @Value("${sladesk.prometheus.max-answer-bytes:67108864}") long maxAnswerBytes) {
        this.json = json;
        use(new Settings(url, bearerToken, username, password, timeout, maxAnswerBytes));
    }

    /** Points the client elsewhere (tests start their own Prometheus on a free port). */
    void use(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    Settings settings() {
        return settings;
    }

    boolean configured() {
        return settings.configured();
    }

    /** An instant query at {@code time}. */
    List<Series> query(String query, Instant time) throws Unavailable, Rejected {
        return call("/api/v1/query", Map.of("query", query, "time", Long.toString(time.getEpochSecond())));
    }

    /** A range query from {@code start} to {@code end} (both included when on a step), one sample a {@code step}. */
    List<Series> queryRange(String query, Instant start, Instant end, Duration step) throws Unavailable, Rejected {
        return call("/api/v1/query_range", Map.of("query", query, "start", Long.toString(start.getEpochSecond()),
                "end", Long.toString(end.getEpochSecond()), "step", step.toSeconds() + "s"));
    }

    private List<Series> call(String path, Map<String, String> parameters) throws Unavailable, Rejected {
        Settings current = settings;
        if (!current.configured()) {
            throw new Unavailable("unreachable", "no Prometheus is configured (sladesk.prometheus.url)", null);
        }
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String base = current.url().endsWith("/") ? current.url().substring(0, current.url().length() - 1) : current.url();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(current.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (current.bearerToken() != null && !current.bearerToken().isBlank()) {
            request.header("Authorization", "Bearer " + current.bearerToken());
        } else if (current.username() != null && !current.username().isBlank()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (current.username() + ":" + current.password()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            HttpRequest built = request.build();
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
            }
            catch (java.net.http.HttpTimeoutException slow) {
                throw slow;
            }
            catch (IOException staleConnection) {
                // a kept-alive connection to a Prometheus that restarted fails once; queries only read: ask again
                response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
            }
            try (InputStream in = response.body()) {
                body = readAtMost(in, current.maxAnswerBytes(), current.timeout());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("unreachable", "interrupted while asking Prometheus", e);
        }
        catch (IOException | IllegalArgumentException e) {
            throw new Unavailable("unreachable", "Prometheus did not answer: " + e, e);
        }
        JsonNode answer;
        try {
            answer = json.readTree(body);
        }
        catch (IOException e) {
            throw new Unavailable("error", "Prometheus's answer (HTTP " + response.statusCode() + ") is not JSON", e);
        }
        if (answer == null || !answer.isObject()) {
            throw new Unavailable("error", "Prometheus's answer (HTTP " + response.statusCode() + ") is not an object", null);
        }
        String status = answer.path("status").asText();
        if ("error".equals(status) && (response.statusCode() == 400 || response.statusCode() == 422)
                && "bad_data".equals(answer.path("errorType").asText())) {
            throw new Rejected(answer.path("error").asText("Prometheus refused the query"));
        }
        if (!"success".equals(status) || response.statusCode() != 200) {
            throw new Unavailable(response.statusCode() >= 500 ? "unreachable" : "error", "Prometheus answered HTTP "
                    + response.statusCode() + ": " + answer.path("error").asText(status), null);
        }
        return parse(answer.path("data"));
    }

    private static byte[] readAtMost(InputStream in, long limit, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            if (out.size() > limit) {
                throw new IOException("the answer is larger than " + limit + " bytes (sladesk.prometheus.max-answer-bytes)");
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the answer took longer than " + timeout.toSeconds() + " s");
            }
        }
        return out.toByteArray();
    }

    private static List<Series> parse(JsonNode data) throws Unavailable {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        if (!result.isArray()) {
            throw new Unavailable("error", "Prometheus's answer has no result list", null);
        }
        List<Series> series = new ArrayList<>();
        if ("scalar".equals(type)) {
            series.add(new Series(Map.of(), Map.of(result.get(0).asLong(), value(result.get(1)))));
            return series;
        }
        for (JsonNode item : result) {
            Map<String, String> labels = new HashMap<>();
            item.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            Map<Long, Double> samples = new LinkedHashMap<>();
            if ("matrix".equals(type)) {
                for (JsonNode sample : item.path("values")) {
                    samples.put(timestamp(sample), value(sample.get(1)));
                }
            } else if ("vector".equals(type)) {
                JsonNode sample = item.path("value");
                samples.put(timestamp(sample), value(sample.get(1)));
            } else {
                throw new Unavailable("error", "Prometheus answered a " + type + ", not a vector or a matrix", null);
            }
            series.add(new Series(labels, samples));
        }
        return series;
    }

    private static long timestamp(JsonNode sample) throws Unavailable {
        if (sample == null || !sample.isArray() || sample.size() != 2 || !sample.get(0).isNumber()) {
            throw new Unavailable("error", "Prometheus's answer has a sample that is not [time, value]", null);
        }
        return Math.round(sample.get(0).asDouble());
    }

    private static double value(JsonNode value) throws Unavailable {
        try {
            return Double.parseDouble(value.asText());
        }
        catch (NumberFormatException | NullPointerException e) {
            throw new Unavailable("error", "Prometheus's answer has a value that is not a number", e);
        }
    }
}
