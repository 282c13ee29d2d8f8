package com.sladesk.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.camunda.bpm.engine.DecisionService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The error-budget policy as a gate, at each tier and boundary. Each test lives in its own
 * 30-day month of 2023 (43.2 minutes of budget), with as much downtime as the tier needs.
 */
@SlaDeskTest
@Tag("clock")
class ChangePolicyTests {

    @Autowired
    ChangeService changes;

    @Autowired
    IncidentService incidents;

    @Autowired
    MockMvc mvc;

    @Autowired
    DecisionService decisions;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void normalApprovesAtOnce() {
        month("2023-04", 0);
        ChangeView change = changes.request("New dashboard", null, ChangeKind.FEATURE, null, null, "sre");
        assertThat(change.policy()).isEqualTo("NORMAL");
        assertThat(change.decision()).isEqualTo(ChangeDecision.APPROVED);
        assertThat(change.errorBudgetRemainingPercent()).isEqualByComparingTo("100");
    }

    @Test
    void exactlyHalfTheBudgetLeftIsReducedNeedsTestingAndHalvesTheWeeklyDeployments() {
        month("2023-06", 1296); // 21.6 of 43.2 minutes: exactly 50% left
        assertThat(changes.request("Untested", null, ChangeKind.FEATURE, null, null, "sre").decision())
                .isEqualTo(ChangeDecision.NEEDS_TESTING);
        for (int i = 0; i < 5; i++) {
            ChangeView tested = changes.request("Tested " + i, null, ChangeKind.FEATURE, null, "load test report", "sre");
            assertThat(tested.policy()).isEqualTo("REDUCED");
            assertThat(tested.decision()).isEqualTo(ChangeDecision.APPROVED);
        }
        assertThat(changes.request("Sixth", null, ChangeKind.FEATURE, null, "tests", "sre").decision())
                .isEqualTo(ChangeDecision.DEFERRED);
    }

    @Test
    void exactlyAQuarterLeftIsStillReduced() {
        month("2023-09", 1944);
        ChangeView change = changes.request("Untested", null, ChangeKind.FEATURE, null, null, "sre");
        assertThat(change.policy()).isEqualTo("REDUCED");
        assertThat(change.errorBudgetRemainingPercent()).isEqualByComparingTo("25.000");
        assertThat(change.decision()).isEqualTo(ChangeDecision.NEEDS_TESTING);
    }

    @Test
    void freezeBlocksFeaturesAndSendsEmergenciesToTheCto() throws Exception {
        month("2023-11", 2000);
        assertThat(changes.request("Feature", null, ChangeKind.FEATURE, null, "tests", "sre").decision())
                .isEqualTo(ChangeDecision.BLOCKED);
        ChangeView emergency = changes.request("Hotfix", null, ChangeKind.EMERGENCY, null, null, "sre");
        assertThat(emergency.policy()).isEqualTo("FREEZE");
        assertThat(emergency.decision()).isEqualTo(ChangeDecision.PENDING_CTO_APPROVAL);
        mvc.perform(post("/api/changes/{id}/decision", emergency.id()).with(httpBasic("leader", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approved\": true}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/changes/{id}/decision", emergency.id()).with(httpBasic("cto", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approved\": true, \"comment\": \"ship it\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value("cto"));
        mvc.perform(post("/api/changes/{id}/decision", emergency.id()).with(httpBasic("cto", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approved\": false}")).andExpect(status().isConflict());
    }

    @Test
    void freezeApprovesAFixForAnOpenP1AsCriticalAndFreezesOtherFixesAndFeatures() {
        month("2024-09", 2000);
        long p1 = incidents.open(new NewIncident("Checkout down", null, Severity.P1, List.of("api"),
                Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre").id();
        long p3 = incidents.open(new NewIncident("Typo", null, Severity.P3, List.of("api"),
                Environment.PRODUCTION, Impact.NONE, null, null), "sre").id();
        ChangeView critical = changes.request("Fix checkout", null, ChangeKind.FIX, p1, null, "sre");
        assertThat(critical.policy()).isEqualTo("FREEZE");
        assertThat(critical.decision()).isEqualTo(ChangeDecision.APPROVED);
        assertThat(critical.reason()).contains("critical fix");
        assertThat(changes.request("Fix typo", null, ChangeKind.FIX, p3, null, "sre").decision())
                .isEqualTo(ChangeDecision.BLOCKED);
        assertThat(changes.request("Feature for the P1", null, ChangeKind.FEATURE, p1, "tests", "sre").decision())
                .isEqualTo(ChangeDecision.BLOCKED);
    }

    @ParameterizedTest(name = "{0} of {1} weekly deployments approved: half used = {2}")
    @CsvSource({ "4, 10, false", "5, 10, true", "6, 10, true", "4, 9, false", "5, 9, true", "0, 0, true" })
    void theTableHalvesTheWeeklyDeployments(long approved, int weekly, boolean halfUsed) {
        String decision = decisions.evaluateDecisionTableByKey("change-policy", Map.of("policy", "REDUCED",
                "kind", "FEATURE", "hasTestingEvidence", true, "approvedThisWeek", approved,
                "weeklyDeployments", weekly, "namesOpenOrRecentP1", false, "burnRateFreeze", false, "burnRateReason", "", "freezeExempted", false))
                .getSingleResult().getEntry("decision");
        assertThat(decision).isEqualTo(halfUsed ? "DEFERRED" : "APPROVED");
    }

    @Test
    void exhaustedAllowsOnlyP1FixesWithCtoApproval() throws Exception {
        month("2022-04", 3000);
        long p1 = incidents.open(new NewIncident("Checkout down", null, Severity.P1, List.of("api"),
                Environment.PRODUCTION, Impact.DEGRADED, null, null), "sre").id();
        long p3 = incidents.open(new NewIncident("Typo", null, Severity.P3, List.of("api"),
                Environment.PRODUCTION, Impact.NONE, null, null), "sre").id();
        assertThat(changes.request("Fix checkout", null, ChangeKind.FIX, p1, null, "sre").decision())
                .isEqualTo(ChangeDecision.PENDING_CTO_APPROVAL);
        assertThat(changes.request("Fix typo", null, ChangeKind.FIX, p3, null, "sre").decision())
                .isEqualTo(ChangeDecision.BLOCKED);
        mvc.perform(post("/api/changes").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Feature\", \"kind\": \"feature\", \"testingEvidence\": \"all green\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decision").value("BLOCKED"))
                .andExpect(jsonPath("$.policy").value("EXHAUSTED"))
                .andExpect(jsonPath("$.errorBudgetRemainingPercent").value(0.0))
                .andExpect(jsonPath("$.reason").value(Matchers.containsString("exhausted")));
        mvc.perform(post("/api/changes").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Feature\", \"kind\": \"rewrite\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post("/api/changes").with(httpBasic("acme", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Feature\", \"kind\": \"feature\"}")).andExpect(status().isForbidden());
    }

    /** Pins the clock to the 20th of a 30-day month after {@code seconds} of outage on its 2nd. */
    private void month(String month, long seconds) {
        Instant start = Instant.parse(month + "-02T10:00:00Z");
        TestClock.pin(Instant.parse(month + "-20T10:00:00Z"));
        if (seconds > 0) {
            long id = incidents.open(new NewIncident("Outage " + month, null, Severity.P2, List.of("core"),
                    Environment.PRODUCTION, Impact.OUTAGE, start, null), "sre").id();
            incidents.resolve(id, start.plusSeconds(seconds), Cause.INTERNAL, "sre");
        }
    }
}
