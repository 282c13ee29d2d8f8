package com.sladesk.incident;

import com.jayway.jsonpath.JsonPath;
import com.sladesk.SlaDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Alertmanager's webhook payload (version 4), as Alertmanager sends it. */
@SlaDeskTest
class AlertmanagerWebhookTests {

    static final String TOKEN = "test-alertmanager-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    @Test
    void firingOpensOneIncidentRepeatsDoNotAndResolvedResolvesIt() throws Exception {
        String fingerprint = "fp" + System.nanoTime();
        String json = send(TOKEN, payload("firing", "critical", "api", fingerprint))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.opened", hasSize(1)))
                .andReturn().getResponse().getContentAsString();
        long id = JsonPath.<Number>read(json, "$.opened[0]").longValue();
        IncidentView incident = incidents.find(id).orElseThrow();
        assertThat(incident.severity()).isEqualTo(Severity.P1);
        assertThat(incident.components()).containsExactly("api");
        assertThat(incident.impact()).isEqualTo(Impact.OUTAGE);
        assertThat(incident.title()).isEqualTo("Checkout error rate above 0.5%");
        assertThat(incident.createdBy()).isEqualTo("alertmanager");

        send(TOKEN, payload("firing", "critical", "api", fingerprint))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.opened", hasSize(0)))
                .andExpect(jsonPath("$.repeated[0]").value(id));

        send(TOKEN, payload("resolved", "critical", "api", fingerprint))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolved[0]").value(id));
        assertThat(incidents.find(id).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incidents.find(id).orElseThrow().cause()).isEqualTo(Cause.INTERNAL);
    }

    /**
     * The component label names a component by code or name, in any case; one the catalogue does
     * not know is kept on the incident as unmatched and shown to SREs, never silently dropped.
     */
    @Test
    void theComponentLabelMatchesByCodeOrNameAndAnUnknownOneIsKept() throws Exception {
        IncidentView byName = opened(payload("firing", "info", "data services", "name" + System.nanoTime()));
        assertThat(byName.components()).containsExactly("data");
        assertThat(byName.unmatchedComponents()).isEmpty();
        IncidentView byCode = opened(payload("firing", "info", "CORE", "code" + System.nanoTime()));
        assertThat(byCode.components()).containsExactly("core");

        IncidentView unknown = opened(payload("firing", "info", "payments-db", "unknown" + System.nanoTime()));
        assertThat(unknown.components()).isEmpty();
        assertThat(unknown.unmatchedComponents()).containsExactly("payments-db");
        mvc.perform(get("/sre/incidents/" + unknown.id()).with(user("sre").roles("SRE"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"unmatched-components\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("payments-db")));
        mvc.perform(get("/api/incidents/" + unknown.id()).with(user("sre").roles("SRE")))
                .andExpect(jsonPath("$.unmatchedComponents[0]").value("payments-db"));
        for (IncidentView v : java.util.List.of(byName, byCode, unknown)) {
            incidents.resolve(v.id(), null, Cause.INTERNAL, "sre");
        }
    }

    private IncidentView opened(String payload) throws Exception {
        String json = send(TOKEN, payload).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return incidents.find(JsonPath.<Number>read(json, "$.opened[0]").longValue()).orElseThrow();
    }

    @Test
    void severityLabelMapsToP1P2P3() throws Exception {
        assertThat(openedSeverity("warning")).isEqualTo(Severity.P2);
        assertThat(openedSeverity("info")).isEqualTo(Severity.P3);
    }

    @Test
    void wrongOrMissingTokenIsA401AndBasicAuthIsNotEnough() throws Exception {
        send("wrong", payload("firing", "critical", "api", "x")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/alertmanager").contentType(MediaType.APPLICATION_JSON)
                .content(payload("firing", "critical", "api", "x"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/alertmanager").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(payload("firing", "critical", "api", "x"))).andExpect(status().isForbidden());
    }

    @Test
    void malformedPayloadIsA400() throws Exception {
        send(TOKEN, "{\"version\": \"3\", \"alerts\": []}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        send(TOKEN, "{\"version\": \"4\", \"alerts\": [{\"status\": \"burning\", \"labels\": {}}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("alerts[0].status"));
    }

    private Severity openedSeverity(String label) throws Exception {
        String json = send(TOKEN, payload("firing", label, "core", "sev" + label + System.nanoTime()))
                .andReturn().getResponse().getContentAsString();
        long id = JsonPath.<Number>read(json, "$.opened[0]").longValue();
        return incidents.find(id).orElseThrow().severity();
    }

    private ResultActions send(String token, String body) throws Exception {
        return mvc.perform(post("/api/alertmanager").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static String payload(String status, String severity, String component, String fingerprint) {
        return """
                {
                  "version": "4",
                  "groupKey": "{}:{alertname=\\"HighErrorRate\\"}",
                  "truncatedAlerts": 0,
                  "status": "%1$s",
                  "receiver": "sla-desk",
                  "groupLabels": {"alertname": "HighErrorRate"},
                  "commonLabels": {"alertname": "HighErrorRate", "severity": "%2$s"},
                  "commonAnnotations": {},
                  "externalURL": "http://alertmanager:9093",
                  "alerts": [{
                    "status": "%1$s",
                    "labels": {"alertname": "HighErrorRate", "severity": "%2$s", "component": "%3$s", "job": "mahavishnu"},
                    "annotations": {"summary": "Checkout error rate above 0.5%%", "description": "Error rate is 1.2%%"},
                    "startsAt": "2026-01-01T10:00:00Z",
                    "endsAt": "%5$s",
                    "generatorURL": "http://prometheus:9090/graph",
                    "fingerprint": "%4$s"
                  }]
                }""".formatted(status, severity, component, fingerprint,
                "resolved".equals(status) ? "2026-01-01T10:30:00Z" : "0001-01-01T00:00:00Z");
    }
}
