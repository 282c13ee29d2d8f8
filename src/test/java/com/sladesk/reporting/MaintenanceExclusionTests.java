package com.sladesk.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
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
 * SLA "Exclusions from Downtime Calculation": scheduled maintenance with 7 days' notice is not
 * downtime; emergency maintenance (2 hours' notice) is, and a cancelled window excludes nothing.
 * June 2018, through the API a team uses: three windows over outages, read back from
 * {@code GET /api/availability}.
 */
@SlaDeskTest
@Tag("clock")
class MaintenanceExclusionTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void onlyScheduledMaintenanceIsExcludedFromDowntime() {
        TestClock.pin(Instant.parse("2018-06-01T10:00:00Z"));
        // an open P1, so that emergency maintenance may be announced (2 hours ahead)
        long p1 = id(post("/api/incidents", """
                {"title": "Data store failing", "severity": "P1", "components": ["data"], "environment": "production",
                 "impact": "outage"}"""));
        id(post("/api/maintenance", """
                {"title": "Database upgrade", "type": "standard", "startsAt": "2018-06-10T02:00:00Z",
                 "endsAt": "2018-06-10T04:00:00Z", "components": ["data"], "activities": ["database_upgrade"]}"""));
        long cancelled = id(post("/api/maintenance", """
                {"title": "Security patches", "type": "standard", "startsAt": "2018-06-17T02:00:00Z",
                 "endsAt": "2018-06-17T04:00:00Z", "components": ["data"], "activities": ["security_patch"]}"""));
        id(post("/api/maintenance", """
                {"title": "Emergency failover", "type": "emergency", "startsAt": "2018-06-01T12:30:00Z",
                 "endsAt": "2018-06-01T13:30:00Z", "components": ["data"], "activities": ["infrastructure_scaling"],
                 "incidentId": %d}""".formatted(p1)));
        assertThat(post("/api/maintenance/" + cancelled + "/cancel", "{\"reason\": \"patch withdrawn\"}")
                .getStatusCode().value()).isEqualTo(200);

        TestClock.pin(Instant.parse("2018-07-05T10:00:00Z"));
        // 10:00–14:00 with an emergency window 12:30–13:30 inside: all 240 minutes are downtime
        assertThat(post("/api/incidents/" + p1 + "/resolve", """
                {"cause": "internal", "resolvedAt": "2018-06-01T14:00:00Z"}""").getStatusCode().value()).isEqualTo(200);
        // 01:30–04:30 over the scheduled window 02:00–04:00: 60 minutes down, 120 excluded
        backfill("2018-06-10T01:30:00Z", "2018-06-10T04:30:00Z");
        // 01:30–04:30 over the cancelled window: all 180 minutes are downtime
        backfill("2018-06-17T01:30:00Z", "2018-06-17T04:30:00Z");

        Map<?, ?> june = http.withBasicAuth("leader", "demo").getForObject("/api/availability?month=2018-06", Map.class);
        assertThat(new BigDecimal(june.get("downtimeMinutes").toString())).isEqualByComparingTo("480");
        assertThat(new BigDecimal(june.get("excludedMinutes").toString())).isEqualByComparingTo("120");
        assertThat(((List<Map<?, ?>>) june.get("exclusions")).stream().map(e -> String.valueOf(e.get("reason"))).toList())
                .containsOnly("scheduled maintenance");
    }

    private void backfill(String openedAt, String resolvedAt) {
        id(post("/api/incidents", """
                {"title": "Data store down", "severity": "P1", "components": ["data"], "environment": "production",
                 "impact": "outage", "openedAt": "%s", "resolvedAt": "%s", "cause": "internal"}"""
                .formatted(openedAt, resolvedAt)));
    }

    private long id(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return ((Number) response.getBody().get("id")).longValue();
    }

    private ResponseEntity<Map> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("sre", "demo").postForEntity(path, new HttpEntity<>(body, headers), Map.class);
    }
}
