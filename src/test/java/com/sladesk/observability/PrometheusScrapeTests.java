package com.sladesk.observability;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.sladesk.SlaDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** Scrapes /actuator/prometheus as Prometheus would and checks the SLA's metric names, labels and buckets. */
@SlaDeskTest
class PrometheusScrapeTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void exposesTheSlasIndicatorsWithTheSlasBuckets() {
        http.withBasicAuth("sre", "demo").getForEntity("/api/incidents", String.class);
        http.withBasicAuth("sre", "demo").getForEntity("/api/incidents/999999", String.class);
        http.getForEntity("/status", String.class);
        String text = http.withBasicAuth("prometheus", "scrape-secret").getForObject("/actuator/prometheus", String.class);
        List<String> samples = Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("#") && !l.isBlank()).toList();

        assertThat(samples).anyMatch(l -> l.startsWith("mahavishnu_requests_total{") && l.contains("operation=\"query\"")
                && l.contains("status=\"success\"") && l.contains("adapter=\"camunda\""));
        assertThat(samples).anyMatch(l -> l.startsWith("mahavishnu_requests_success_total{"));
        assertThat(text).contains("# TYPE mahavishnu_errors_total counter");
        for (String gauge : List.of("mahavishnu_up ", "mahavishnu_error_budget_remaining_percent ",
                "mahavishnu_memory_usage_bytes ", "mahavishnu_memory_limit_bytes ", "mahavishnu_data_objects_total ",
                "mahavishnu_data_corruption_events_total ")) {
            assertThat(samples).as(gauge).anyMatch(l -> l.startsWith(gauge));
        }
        assertThat(value(samples, "mahavishnu_up ")).isEqualTo(1.0);
        assertThat(value(samples, "mahavishnu_data_corruption_events_total ")).isZero();

        List<String> buckets = samples.stream()
                .filter(l -> l.startsWith("mahavishnu_request_duration_seconds_bucket{") && l.contains("operation=\"query\""))
                .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1")).distinct().toList();
        assertThat(buckets).containsExactly("0.001", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5",
                "5.0", "10.0", "+Inf");
        assertThat(samples).anyMatch(l -> l.startsWith("mahavishnu_request_duration_seconds_count{"));
    }

    @Test
    void echoesOrMakesACorrelationId() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Request-Id", "trace-123");
        var echoed = http.exchange("/health", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(echoed.getHeaders().getFirst("X-Request-Id")).isEqualTo("trace-123");
        var made = http.getForEntity("/health", String.class);
        assertThat(made.getHeaders().getFirst("X-Request-Id")).matches("[0-9a-f-]{36}");
        headers.set("X-Request-Id", "<script>");
        assertThat(http.exchange("/health", HttpMethod.GET, new HttpEntity<>(headers), String.class).getHeaders()
                .getFirst("X-Request-Id")).isNotEqualTo("<script>");
    }

    private static double value(List<String> samples, String prefix) {
        Map<String, String> found = samples.stream().filter(l -> l.startsWith(prefix))
                .collect(Collectors.toMap(l -> l, l -> l.substring(l.lastIndexOf(' ') + 1), (a, b) -> a));
        return Double.parseDouble(found.values().iterator().next());
    }
}
