package com.sladesk.credit;


import com.jayway.jsonpath.JsonPath;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every refusal of the claim API, and who may see whose claims. Each test claims its own month. */
@SlaDeskTest
@Tag("clock")
class CreditApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void aClaimForOctoberIsAcceptedThrough30NovemberAndRefusedFrom1December() throws Exception {
        TestClock.pin("2024-11-30T23:59:59Z");
        claim("acme", "2024-10").andExpect(status().isCreated())
                .andExpect(jsonPath("$.month").value("2024-10"))
                .andExpect(jsonPath("$.organisation").value("Acme Corp"))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.availabilityPercent").value(100.0))
                .andExpect(jsonPath("$.creditPercent").value(0))
                .andExpect(jsonPath("$.creditAmount").value(0.0))
                .andExpect(jsonPath("$.currency").value("USD"))
                .andExpect(jsonPath("$.submittedAt").value("2024-11-30T23:59:59Z"));
        TestClock.pin("2024-12-01T00:00:00Z");
        long before = count();
        // Acme is on the standard plan (the SLA's 30 days): the window is checked before anything else
        claim("acme", "2024-10").andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("month"))
                .andExpect(jsonPath("$.errors[0].rule").value("claim-window"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("30 days")));
        assertThat(count()).isEqualTo(before);
        // Globex's premium plan gives 60 days: October's is still open on 1 December, September's is
        // closed on 30 December (2023: months no other test claims for Globex)
        TestClock.pin("2023-12-01T00:00:00Z");
        claim("globex", "2023-10").andExpect(status().isCreated());
        TestClock.pin("2023-12-30T00:00:00Z");
        claim("globex", "2023-09").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("60 days")));
    }

    @Test
    void aMonthNotYetOverIsA422AndASecondClaimA409() throws Exception {
        TestClock.pin("2024-09-15T12:00:00Z");
        claim("acme", "2024-09").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].rule").value("month-not-over"));
        claim("acme", "2024-12").andExpect(status().isUnprocessableEntity());
        claim("acme", "2024-08").andExpect(status().isCreated());
        claim("acme", "2024-08").andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        claim("globex", "2024-08").andExpect(status().isCreated());
    }

    @Test
    void badInputNamesTheField() throws Exception {
        TestClock.pin("2024-07-10T12:00:00Z");
        send("acme", "{\"month\": \"2024-13\", \"description\": \"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        send("acme", "{\"month\": \"2024-06\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"));
        send("acme", "{\"description\": \"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        send("acme", "{\"month\": \"2024-06\", \"description\": \"x\", \"incidentIds\": [\"one\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("incidentIds[0]"));
    }

    @Test
    void customersSeeOnlyTheirOwnClaimsAndOnlySresDecide() throws Exception {
        TestClock.pin("2024-06-05T12:00:00Z");
        long acmeClaim = id(claim("acme", "2024-05").andExpect(status().isCreated()));
        long globexClaim = id(claim("globex", "2024-05").andExpect(status().isCreated()));

        mvc.perform(get("/api/credit-requests/{id}", acmeClaim).with(httpBasic("globex", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/credit-requests/{id}", acmeClaim).with(httpBasic("acme", "demo")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/credit-requests").with(httpBasic("globex", "demo")))
                .andExpect(jsonPath("$[*].organisation", everyItem(is("Globex"))))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) acmeClaim))));
        mvc.perform(get("/api/credit-requests").with(httpBasic("sre", "demo")))
                .andExpect(jsonPath("$[*].id", hasItem((int) acmeClaim)))
                .andExpect(jsonPath("$[*].id", hasItem((int) globexClaim)));

        decide("acme", acmeClaim, "{\"approved\": false, \"reason\": \"mine\"}").andExpect(status().isForbidden());
        decide("leader", acmeClaim, "{\"approved\": false, \"reason\": \"no\"}").andExpect(status().isForbidden());
        claim("sre", "2024-05").andExpect(status().isForbidden());
        decide("sre", acmeClaim, "{\"approved\": false}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        decide("sre", acmeClaim, "{\"reason\": \"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("approved"));
        decide("sre", acmeClaim, "{\"approved\": false, \"reason\": \"Availability was 100%.\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value("Availability was 100%."))
                .andExpect(jsonPath("$.decidedAt").value("2024-06-05T12:00:00Z"));
        decide("sre2", acmeClaim, "{\"approved\": false, \"reason\": \"again\"}").andExpect(status().isConflict());
        decide("sre", 987654321L, "{\"approved\": false, \"reason\": \"x\"}").andExpect(status().isNotFound());
        mvc.perform(get("/api/credit-ledger").with(httpBasic("acme", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/credit-ledger").with(httpBasic("admin", "demo"))).andExpect(status().isOk());
    }

    private ResultActions claim(String user, String month) throws Exception {
        return send(user, "{\"month\": \"" + month + "\", \"description\": \"Outage claim\"}");
    }

    private ResultActions send(String user, String body) throws Exception {
        return mvc.perform(post("/api/credit-requests").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions decide(String user, long id, String body) throws Exception {
        return mvc.perform(post("/api/credit-requests/{id}/decision", id).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static long id(ResultActions result) throws Exception {
        return JsonPath.<Number>read(result.andReturn().getResponse().getContentAsString(), "$.id")
                .longValue();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from credit_request", Long.class);
    }

}
