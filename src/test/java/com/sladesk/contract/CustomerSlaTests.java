package com.sladesk.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationAdmin;
import com.sladesk.organisation.OrganisationDraft;
import com.sladesk.organisation.OrganisationInfo;
import com.sladesk.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customer's SLA (#16), computed by hand. March 2017 has 31 days (44,640 minutes):
 * <ul>
 * <li>A: core, 10 March 10:00–11:00 (60 min);</li>
 * <li>B: data, 12 March 08:00–08:30; C: data and api, 08:15–08:45 (B ∪ C = 45 min);</li>
 * <li>D: data, 20 March 00:00–02:00, a third party's fault (120 min excluded).</li>
 * </ul>
 * Initrode covers only {@code data}: 45 min down → 99.899193…%, shown 99.899 (standard: no credit).
 * The platform and Acme (whose contract names no component, so covers all): 105 min → 99.764784…%,
 * shown 99.764. Globex is on premium: 99.764 is below 99.9 → 25% of 2,500.00 = 625.00 USD. Premium's
 * boundary, in 30-day months (2,592,000 s): 1,296 s down is exactly 99.95% (no credit), 1,297 s is
 * below (10%).
 */
@SlaDeskTest
class CustomerSlaTests {

    static final String ADMIN = "admin";

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    @Autowired
    Directory directory;

    @Autowired
    OrganisationAdmin organisations;

    static long initrode;
    static long globex;
    static long acme;
    static long incidentA;
    static long incidentB;

    @BeforeEach
    void march2017() {
        if (initrode != 0) {
            return;
        }
        incidentA = outage("Core down", List.of("core"), "2017-03-10T10:00:00Z", "2017-03-10T11:00:00Z", Cause.INTERNAL);
        incidentB = outage("Data slow to death", List.of("data"), "2017-03-12T08:00:00Z", "2017-03-12T08:30:00Z", Cause.INTERNAL);
        outage("Data and API down", List.of("data", "api"), "2017-03-12T08:15:00Z", "2017-03-12T08:45:00Z", Cause.INTERNAL);
        outage("Storage vendor outage", List.of("data"), "2017-03-20T00:00:00Z", "2017-03-20T02:00:00Z", Cause.THIRD_PARTY);
        outage("Exactly premium's budget", List.of("core"), "2017-06-05T00:00:00Z", "2017-06-05T00:21:36Z", Cause.INTERNAL);
        outage("One second over", List.of("core"), "2017-09-05T00:00:00Z", "2017-09-05T00:21:37Z", Cause.INTERNAL);
        OrganisationInfo created = organisations.create(new OrganisationDraft("Initrode", new BigDecimal("1000.00"), "USD",
                "ops@initrode.example", "billing@initrode.example", List.of("data")), ADMIN);
        initrode = created.id();
        directory.createUser("initrode", "it@initrode.example", "Initrode-Pass-2017x", Role.CUSTOMER, initrode);
        globex = directory.findOrganisationByName("Globex").orElseThrow().id();
        acme = directory.findOrganisationByName("Acme Corp").orElseThrow().id();
    }

    private long outage(String title, List<String> components, String from, String to, Cause cause) {
        return incidents.backfill(new NewIncident(title, null, Severity.P2, components, Environment.PRODUCTION,
                Impact.OUTAGE, Instant.parse(from), null), Instant.parse(to), cause, "sre").id();
    }

    private ResultActions availability(String user, String password, String query) throws Exception {
        return mvc.perform(get("/api/availability?" + query).with(httpBasic(user, password)));
    }

    @Test
    void anOrganisationCoveringPartOfTheServiceCountsOnlyItsComponents() throws Exception {
        availability("initrode", "Initrode-Pass-2017x", "month=2017-03")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisation.name").value("Initrode"))
                .andExpect(jsonPath("$.plan.code").value("standard"))
                .andExpect(jsonPath("$.components[0]").value("data"))
                .andExpect(jsonPath("$.components.length()").value(1))
                .andExpect(jsonPath("$.downtimeMinutes").value(45.0))
                .andExpect(jsonPath("$.excludedMinutes").value(120.0))
                .andExpect(jsonPath("$.availabilityPercent").value(99.899))
                .andExpect(jsonPath("$.targetPercent").value(99.9))
                .andExpect(jsonPath("$.creditPercent").value(0));
    }

    @Test
    void theWholeServiceGivesThePlatformsFiguresAndEachPlanItsOwnCredit() throws Exception {
        availability("sre", "demo", "month=2017-03").andExpect(status().isOk())
                .andExpect(jsonPath("$.organisation").doesNotExist())
                .andExpect(jsonPath("$.downtimeMinutes").value(105.0))
                .andExpect(jsonPath("$.availabilityPercent").value(99.764))
                .andExpect(jsonPath("$.creditPercent").value(0));
        availability("acme", "demo", "month=2017-03").andExpect(status().isOk())
                .andExpect(jsonPath("$.organisation.name").value("Acme Corp"))
                // every component (other tests may have added more to the catalogue)
                .andExpect(jsonPath("$.components", hasItems("core", "mcp", "data", "api")))
                .andExpect(jsonPath("$.downtimeMinutes").value(105.0))
                .andExpect(jsonPath("$.availabilityPercent").value(99.764))
                .andExpect(jsonPath("$.creditPercent").value(0));
        availability("sre", "demo", "month=2017-03&organisation=" + globex).andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.code").value("premium"))
                .andExpect(jsonPath("$.targetPercent").value(99.95))
                .andExpect(jsonPath("$.availabilityPercent").value(99.764))
                .andExpect(jsonPath("$.creditPercent").value(25));
    }

    @Test
    void premiumsBoundaryIsStrict() throws Exception {
        availability("globex", "demo", "month=2017-06").andExpect(status().isOk())
                .andExpect(jsonPath("$.availabilityPercent").value(99.95))
                .andExpect(jsonPath("$.status").value("HEALTHY"))
                .andExpect(jsonPath("$.creditPercent").value(0));
        availability("globex", "demo", "month=2017-09").andExpect(status().isOk())
                .andExpect(jsonPath("$.availabilityPercent").value(99.949))
                .andExpect(jsonPath("$.creditPercent").value(10));
        // the same month on the standard plan: 99.949% is above 99.9, no credit
        availability("acme", "demo", "month=2017-09").andExpect(jsonPath("$.creditPercent").value(0));
    }

    @Test
    void aCustomerSeesOnlyItsOwnOrganisation() throws Exception {
        availability("globex", "demo", "month=2017-03&organisation=" + acme).andExpect(status().isNotFound());
        availability("globex", "demo", "month=2017-03&organisation=" + globex).andExpect(status().isOk());
    }

    @Test
    void plansAreCheckedAndChangeOnlyFromAComingMonth() throws Exception {
        plan("""
                {"code": "broken", "name": "Broken", "targetPercent": 100, "tiers": [{"belowPercent": 99, "creditPercent": 10}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("targetPercent"));
        plan("""
                {"code": "broken", "name": "Broken", "targetPercent": 99.9,
                 "tiers": [{"belowPercent": 99.0, "creditPercent": 50}, {"belowPercent": 98.0, "creditPercent": 25}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tiers"))
                .andExpect(jsonPath("$.errors[0].rule").value("ordered"));
        plan("""
                {"code": "broken", "name": "Broken", "targetPercent": 99.5, "tiers": [{"belowPercent": 99.9, "creditPercent": 10}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("range"));
        plan("""
                {"code": "gold", "name": "Gold", "targetPercent": 99.99, "claimWindowDays": 45,
                 "tiers": [{"belowPercent": 99.99, "creditPercent": 5}, {"belowPercent": 99.5, "creditPercent": 30}]}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.versions[0].tiers[0].belowPercent").value(99.99))
                .andExpect(jsonPath("$.versions[0].decisionKey").value("credit-tier-gold"));
        YearMonth now = TestClock.startMonth();
        assign(initrode, "gold", now).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"))
                .andExpect(jsonPath("$.errors[0].rule").value("month-begun"));
        assign(initrode, "gold", now.plusMonths(1)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].planCode").value("gold"));
        // this month and every past one keep the plan they began with
        availability("initrode", "Initrode-Pass-2017x", "month=" + now).andExpect(jsonPath("$.plan.code").value("standard"));
        availability("initrode", "Initrode-Pass-2017x", "month=2017-03").andExpect(jsonPath("$.plan.code").value("standard"));
        mvc.perform(post("/api/admin/plans/gold/versions").with(httpBasic(ADMIN, "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"targetPercent": 99.9, "tiers": [{"belowPercent": 99.9, "creditPercent": 10}], "effectiveFrom": "%s"}"""
                        .formatted(now))).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void aClaimNamesOnlyIncidentsOnItsComponentsAndFilesOfAllowedTypes() throws Exception {
        TestClock.pin("2017-04-05T10:00:00Z");
        claim(List.of(incidentA), List.of()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("incidentIds"))
                .andExpect(jsonPath("$.detail").value(containsString("incident " + incidentA)));
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };
        claim(List.of(incidentB), List.of(file("graph.pdf", "application/pdf", png))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attachments[graph.pdf]"))
                .andExpect(jsonPath("$.errors[0].rule").value("content"));
        claim(List.of(incidentB), List.of(file("tool.gif", null, "GIF89a....".getBytes()))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attachments[tool.gif]"));
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4".getBytes(), 0, big, 0, 8);
        claim(List.of(incidentB), List.of(file("huge.pdf", "application/pdf", big))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attachments[huge.pdf]"))
                .andExpect(jsonPath("$.errors[0].rule").value("size"));
        String text = file("log.txt", "text/plain", "08:00 timeouts\n".getBytes());
        claim(List.of(incidentB), List.of(text, text, text, text, text, text)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attachments"));
        String id = claim(List.of(incidentB), List.of(file("evidence.pdf", "application/pdf", "%PDF-1.4 evidence".getBytes()), text))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plan").value("standard"))
                .andExpect(jsonPath("$.availabilityPercent").value(99.899))
                .andExpect(jsonPath("$.attachments[0].filename").value("evidence.pdf"))
                .andExpect(jsonPath("$.attachments[0].contentType").value("application/pdf"))
                .andExpect(jsonPath("$.attachments[1].contentType").value("text/plain"))
                .andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1");
        String attachment = mvc.perform(get("/api/credit-requests/" + id).with(httpBasic("sre", "demo")))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"attachments\":\\[\\{\"id\":(\\d+).*", "$1");
        mvc.perform(get("/api/credit-requests/" + id + "/attachments/" + attachment).with(httpBasic("sre", "demo")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes("%PDF-1.4 evidence".getBytes()));
        mvc.perform(get("/api/credit-requests/" + id + "/attachments/" + attachment).with(httpBasic("acme", "demo")))
                .andExpect(status().isNotFound());
        TestClock.runFromStart();
    }

    private static String file(String name, String type, byte[] bytes) {
        return "{\"filename\": \"" + name + "\"" + (type == null ? "" : ", \"contentType\": \"" + type + "\"")
                + ", \"contentBase64\": \"" + Base64.getEncoder().encodeToString(bytes) + "\"}";
    }

    private ResultActions claim(List<Long> incidentIds, List<String> files) throws Exception {
        return mvc.perform(post("/api/credit-requests").with(httpBasic("initrode", "Initrode-Pass-2017x"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"month": "2017-03", "description": "Data was down", "incidentIds": %s, "attachments": [%s]}"""
                        .formatted(incidentIds, String.join(",", files))));
    }

    private ResultActions plan(String body) throws Exception {
        return mvc.perform(post("/api/admin/plans").with(httpBasic(ADMIN, "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions assign(long organisation, String plan, YearMonth from) throws Exception {
        return mvc.perform(post("/api/admin/plans/assignments").with(httpBasic(ADMIN, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"organisationId\": %d, \"planCode\": \"%s\", \"effectiveFrom\": \"%s\"}".formatted(organisation, plan, from)));
    }
}
