package com.sladesk.performance;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.sladesk.SlaDeskTest;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The answers the service keeps for reads that are polled (issue #21) are never out of date for
 * a change made on this node: the incident and claim lists show a change at once, whoever made it
 * (an SRE, the API, the process engine); and the status JSON, the feed and the availability carry
 * an ETag, answer a matching If-None-Match with an empty 304, and say how long they may be kept.
 */
@SlaDeskTest
class KeptAnswersTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    private String list(String query) throws Exception {
        return mvc.perform(get("/api/incidents" + query).with(httpBasic("sre", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theIncidentListShowsEveryChangeAtOnce() throws Exception {
        String before = list("?limit=5&status=OPEN");
        assertThat(list("?limit=5&status=OPEN")).as("unchanged: the same answer").isEqualTo(before);

        IncidentView opened = incidents.open(new NewIncident("Kept list " + System.nanoTime(), null, Severity.P3,
                List.of("core"), Environment.PRODUCTION, Impact.DEGRADED, null, null), "sre");
        List<Integer> open = JsonPath.read(list("?limit=1000&status=OPEN"), "$[*].id");
        assertThat(open).contains((int) opened.id());

        mvc.perform(post("/api/incidents/{id}/acknowledge", opened.id()).with(httpBasic("sre", "demo")))
                .andExpect(status().isOk());
        List<String> statuses = JsonPath.read(list("?limit=1000"), "$[?(@.id == " + opened.id() + ")].status");
        assertThat(statuses).containsExactly("ACKNOWLEDGED");
        List<Integer> stillOpen = JsonPath.read(list("?limit=1000&status=OPEN"), "$[*].id");
        assertThat(stillOpen).doesNotContain((int) opened.id());

        incidents.resolve(opened.id(), null, Cause.INTERNAL, "sre");
        List<String> resolved = JsonPath.read(list("?limit=1000"), "$[?(@.id == " + opened.id() + ")].status");
        assertThat(resolved).containsExactly("RESOLVED");
    }

    @Test
    void theClaimListShowsANewClaimAtOnceAndOnlyTheCustomersOwn() throws Exception {
        String acme = mvc.perform(get("/api/credit-requests").with(httpBasic("acme", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String globex = mvc.perform(get("/api/credit-requests").with(httpBasic("globex", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> acmeOrganisations = JsonPath.read(acme, "$[*].organisation");
        List<String> globexOrganisations = JsonPath.read(globex, "$[*].organisation");
        assertThat(acmeOrganisations).allMatch(o -> o.startsWith("Acme"));
        assertThat(globexOrganisations).noneMatch(o -> o.startsWith("Acme"));
        String staff = mvc.perform(get("/api/credit-requests").with(httpBasic("sre", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Object> all = JsonPath.read(staff, "$[*].id");
        assertThat(all.size()).isGreaterThanOrEqualTo(acmeOrganisations.size() + globexOrganisations.size());
    }

    @Test
    void theStatusJsonCarriesAnEtagAndAMatchingRequestGetsAnEmpty304() throws Exception {
        conditional("/status.json", null, "max-age=1, public");
        conditional("/status/feed.atom", null, "max-age=30, public");
    }

    @Test
    void theAvailabilityCarriesAnEtagAndAMatchingRequestGetsAnEmpty304() throws Exception {
        conditional("/api/availability?month=2026-10", "sre", null);
    }

    private void conditional(String path, String user, String cacheControl) throws Exception {
        var first = get(path);
        if (user != null) {
            first = first.with(httpBasic(user, "demo"));
        }
        MvcResult answer = mvc.perform(first).andExpect(status().isOk()).andReturn();
        String etag = answer.getResponse().getHeader("ETag");
        assertThat(etag).as(path).isNotBlank();
        if (cacheControl != null) {
            assertThat(answer.getResponse().getHeader("Cache-Control")).isEqualTo(cacheControl);
        }
        var again = get(path).header("If-None-Match", etag);
        if (user != null) {
            again = again.with(httpBasic(user, "demo"));
        }
        MvcResult notModified = mvc.perform(again).andExpect(status().isNotModified()).andExpect(header().string("ETag", etag))
                .andReturn();
        assertThat(notModified.getResponse().getContentAsByteArray()).isEmpty();
        var other = get(path).header("If-None-Match", "\"something-else\"");
        if (user != null) {
            other = other.with(httpBasic(user, "demo"));
        }
        assertThat(mvc.perform(other).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isNotEmpty();
    }
}
