package com.sladesk.reporting;

import java.time.Instant;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The availability engine over real SQL: February 2024 (29 days, 41,760 minutes) with incidents stored for it. */
@SlaDeskTest
@Tag("clock")
class AvailabilityApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    @Autowired
    ComponentCatalogue catalogue;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void computesAHandCheckedMonthFromStoredIncidents() throws Exception {
        TestClock.pin("2024-03-05T00:00:00Z");
        // counted: 10:00–11:00 and 10:30–12:00 overlap → 120 min; one crossing into March counts 30 min in February
        outage("2024-02-05T10:00:00Z", "2024-02-05T11:00:00Z", Cause.INTERNAL, Environment.PRODUCTION, Impact.OUTAGE);
        outage("2024-02-05T10:30:00Z", "2024-02-05T12:00:00Z", Cause.INTERNAL, Environment.PRODUCTION, Impact.OUTAGE);
        outage("2024-02-29T23:30:00Z", "2024-03-01T01:00:00Z", Cause.INTERNAL, Environment.PRODUCTION, Impact.OUTAGE);
        // excluded: staging, a customer-caused outage; ignored: degraded impact
        outage("2024-02-10T10:00:00Z", "2024-02-10T10:45:00Z", Cause.INTERNAL, Environment.STAGING, Impact.OUTAGE);
        outage("2024-02-11T10:00:00Z", "2024-02-11T10:20:00Z", Cause.CUSTOMER, Environment.PRODUCTION, Impact.OUTAGE);
        outage("2024-02-12T10:00:00Z", "2024-02-12T18:00:00Z", Cause.INTERNAL, Environment.PRODUCTION, Impact.DEGRADED);
        // excluded: an outage of a beta component only; a beta and a covered component together count
        if (catalogue.findByCode("labs").isEmpty()) {
            catalogue.add("labs", "Labs (beta)", "Experimental features", true);
        }
        outage("2024-02-13T10:00:00Z", "2024-02-13T10:10:00Z", List.of("labs"));
        outage("2024-02-05T11:50:00Z", "2024-02-05T12:00:00Z", List.of("labs", "core"));

        // 150 min down of 41,760: 99.640804…%; budget 41.76 → exhausted; 25% credit band? no: ≥ 99.0 → 0%
        mvc.perform(get("/api/availability").param("month", "2024-02").with(httpBasic("acme", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2024-02"))
                .andExpect(jsonPath("$.targetPercent").value(99.9))
                .andExpect(jsonPath("$.totalMinutes").value(41760.0))
                .andExpect(jsonPath("$.downtimeMinutes").value(150.0))
                .andExpect(jsonPath("$.excludedMinutes").value(75.0))
                .andExpect(jsonPath("$.availabilityPercent").value(99.640))
                .andExpect(jsonPath("$.errorBudgetMinutes").value(41.8))
                .andExpect(jsonPath("$.errorBudgetRemainingMinutes").value(0.0))
                .andExpect(jsonPath("$.errorBudgetRemainingPercent").value(0.0))
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.policy").value("EXHAUSTED"))
                .andExpect(jsonPath("$.creditPercent").value(0))
                .andExpect(jsonPath("$.burnRates[0].window").value("1h"))
                .andExpect(jsonPath("$.exclusions.length()").value(3))
                .andExpect(jsonPath("$.exclusions[?(@.reason == 'beta components only')].minutes").value(10.0))
                .andExpect(jsonPath("$.exclusions[?(@.reason == 'staging environment')].minutes").value(45.0))
                .andExpect(jsonPath("$.exclusions[?(@.reason == 'cause: customer')].minutes").value(20.0))
                .andExpect(jsonPath("$.rolling30Days.availabilityPercent").exists());
    }

    @Test
    void everySignedInRoleMayReadItAndBadMonthsAreRefused() throws Exception {
        for (String user : List.of("acme", "sre", "leader", "cto", "admin")) {
            mvc.perform(get("/api/availability").with(httpBasic(user, "demo"))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/availability")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/availability").param("month", "2024-2").with(httpBasic("sre", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
        mvc.perform(get("/api/availability").param("month", "2999-01").with(httpBasic("sre", "demo")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("month"));
    }

    private void outage(String from, String to, Cause cause, Environment environment, Impact impact) {
        outage(from, to, cause, environment, impact, List.of("core"));
    }

    private void outage(String from, String to, List<String> components) {
        outage(from, to, Cause.INTERNAL, Environment.PRODUCTION, Impact.OUTAGE, components);
    }

    private void outage(String from, String to, Cause cause, Environment environment, Impact impact,
            List<String> components) {
        long id = incidents.open(new NewIncident("Feb " + from, null, Severity.P2, components, environment, impact,
                Instant.parse(from), null), "sre").id();
        incidents.resolve(id, Instant.parse(to), cause, "sre");
    }
}
