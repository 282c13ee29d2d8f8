package com.sladesk.communication;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentDraft;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.postmortem.NewActionItem;
import com.sladesk.postmortem.PostmortemDraft;
import com.sladesk.postmortem.PostmortemService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An incident's public side (issue #17) over the API and the public pages: published at once when
 * an SRE opens it, unpublished (404 publicly, 409 for updates) when Alertmanager does; updates move
 * it from investigating to resolved; each component shows the worst impact among published
 * incidents, each group its worst component; the Atom feed (read by Rome) has an entry per update
 * and the JSON (read by Jackson) the public fields and nothing internal; bad input is a 400 naming
 * the field and writes nothing.
 */
@SlaDeskTest
@Tag("clock")
class PublicIncidentsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    @Autowired
    PublicIncidents publicIncidents;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PostmortemService postmortems;

    @Autowired
    ComponentCatalogue catalogue;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void anSreIncidentIsPublicAtOnceAndItsUpdatesTellTheStoryToResolved() throws Exception {
        IncidentView incident = open("Checkout errors " + System.nanoTime(), "data", Impact.DEGRADED, "sre");
        JsonNode side = read(mvc.perform(get("/api/incidents/{id}/public", incident.id()).with(httpBasic("leader", "demo")))
                .andExpect(status().isOk()));
        assertThat(side.get("published").asBoolean()).isTrue();
        assertThat(side.get("status").asText()).isEqualTo("investigating");
        assertThat(side.at("/components/0/impact").asText()).isEqualTo("degraded_performance");
        mvc.perform(get("/status/incidents/{id}", incident.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("We are investigating an issue affecting Data Services.")))
                .andExpect(content().string(not(containsString("internal detail"))));

        update(incident, "identified", "A full disk on a cache node.", "{\"data\": \"partial_outage\"}").andExpect(status().isCreated());
        update(incident, "monitoring", "Disk cleared; watching.", null).andExpect(status().isCreated());
        JsonNode resolved = read(update(incident, "resolved", "All good.", "{\"data\": \"partial_outage\"}")
                .andExpect(status().isCreated()));
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.get("resolvedAt").isNull()).isFalse();
        assertThat(resolved.get("updates")).extracting(u -> u.get("status").asText())
                .containsExactly("investigating", "identified", "monitoring", "resolved");
        assertThat(resolved.at("/updates/2/components/0/impact").asText())
                .as("an update without components keeps them").isEqualTo("partial_outage");

        // resolving the internal record adds nothing once the public side says resolved
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");
        assertThat(publicIncidents.find(incident.id()).orElseThrow().updates()).hasSize(4);
        mvc.perform(get("/status/history")).andExpect(status().isOk())
                .andExpect(content().string(containsString(incident.title())));
    }

    @Test
    void anAlertmanagerIncidentStaysPrivateUntilAnSrePublishesIt() throws Exception {
        IncidentView incident = open("Alert: mcp 5xx " + System.nanoTime(), "mcp", Impact.OUTAGE, PublicIncidents.ALERTMANAGER);
        mvc.perform(get("/status/incidents/{id}", incident.id())).andExpect(status().isNotFound());
        mvc.perform(get("/status.json")).andExpect(jsonPath("$.activeIncidents[?(@.id == " + incident.id() + ")]").isEmpty());
        update(incident, "identified", "Too early.", null).andExpect(status().isConflict());
        assertThat(updates(incident)).isZero();

        mvc.perform(post("/api/incidents/{id}/publish", incident.id()).with(httpBasic("sre", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title": "MCP sessions failing", "status": "identified",
                                 "message": "Sessions drop on one node.", "components": {"mcp": "major_outage"}}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("MCP sessions failing"));
        mvc.perform(post("/api/incidents/{id}/publish", incident.id()).with(httpBasic("sre", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"identified\", \"message\": \"x\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/status/incidents/{id}", incident.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("MCP sessions failing")))
                .andExpect(content().string(not(containsString("Alert: mcp 5xx"))));
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");
        assertThat(publicIncidents.find(incident.id()).orElseThrow().latest().message())
                .as("resolving the incident resolves its public side").isEqualTo("This incident has been resolved.");
    }

    @Test
    void eachComponentShowsTheWorstImpactOfItsPublishedIncidentsAndEachGroupItsWorstComponent() throws Exception {
        // a group and components of this test's own: other tests leave incidents open on the demo's
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String group = "Group " + run;
        String first = "g" + run + "-a";
        String second = "g" + run + "-b";
        catalogue.createGroup(group, "admin");
        for (String code : List.of(first, second)) {
            catalogue.add(code, "Component " + code, null, false);
            catalogue.change(code, new ComponentDraft(null, "Component " + code, null, false, group), "admin");
        }
        IncidentView partial = open("Slow " + run, first, Impact.DEGRADED, "sre");
        update(partial, "identified", "Half the pool is down.", "{\"" + first + "\": \"partial_outage\"}")
                .andExpect(status().isCreated());
        JsonNode page = read(mvc.perform(get("/status.json")).andExpect(status().isOk()));
        assertThat(component(page, first).get("status").asText()).isEqualTo("partial_outage");
        assertThat(component(page, first).get("state").asText()).as("the coarse state stays").isEqualTo("outage");
        assertThat(component(page, second).get("status").asText()).isEqualTo("operational");
        assertThat(group(page, group).get("status").asText()).isEqualTo("partial_outage");

        IncidentView major = open("Down " + run, first, Impact.OUTAGE, "sre");
        IncidentView hidden = open("Alert " + run, second, Impact.OUTAGE, PublicIncidents.ALERTMANAGER);
        page = read(mvc.perform(get("/status.json")));
        assertThat(component(page, first).get("status").asText()).isEqualTo("major_outage");
        assertThat(component(page, second).get("status").asText()).as("an unpublished incident shows nothing")
                .isEqualTo("operational");
        assertThat(group(page, group).get("status").asText()).isEqualTo("major_outage");
        assertThat(page.get("activeIncidents")).anySatisfy(i -> {
            assertThat(i.get("id").asLong()).isEqualTo(partial.id());
            assertThat(i.get("status").asText()).isEqualTo("identified");
            assertThat(i.get("severity").asText()).as("its severity, read for the page's active incidents").isEqualTo("P2");
            assertThat(i.get("latestUpdate").asText()).isEqualTo("Half the pool is down.");
            assertThat(i.get("url").asText()).isEqualTo("/status/incidents/" + partial.id());
        });

        update(major, "resolved", "Fixed.", null).andExpect(status().isCreated());
        page = read(mvc.perform(get("/status.json")));
        assertThat(component(page, first).get("status").asText()).isEqualTo("partial_outage");
        incidents.resolve(partial.id(), null, Cause.INTERNAL, "sre");
        incidents.resolve(major.id(), null, Cause.INTERNAL, "sre");
        incidents.resolve(hidden.id(), null, Cause.INTERNAL, "sre");
        page = read(mvc.perform(get("/status.json")));
        assertThat(group(page, group).get("status").asText()).isEqualTo("operational");
    }

    @Test
    void theFeedHasAnEntryPerUpdateAndThePagesShowMessagesAsEscapedTextWithLineBreaks() throws Exception {
        IncidentView incident = open("Feed check " + System.nanoTime(), "api", Impact.OUTAGE, "sre");
        String hostile = "<script>alert(1)</script> & <b>bold</b>\nSecond line";
        update(incident, "identified", hostile, null).andExpect(status().isCreated());

        String atom = mvc.perform(get("/status/feed.atom")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        List<SyndEntry> entries = feed.getEntries().stream()
                .filter(e -> e.getUri().startsWith("urn:sla-desk:incident:" + incident.id() + ":update:")).toList();
        assertThat(entries).extracting(SyndEntry::getTitle)
                .containsExactlyInAnyOrder("Investigating: " + incident.title(), "Identified: " + incident.title());
        assertThat(entries).anySatisfy(e -> assertThat(e.getDescription().getValue()).startsWith(hostile));
        assertThat(entries).allSatisfy(e -> assertThat(e.getLink()).endsWith("/status/incidents/" + incident.id()));

        String html = mvc.perform(get("/status/incidents/{id}", incident.id())).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>bold</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;\nSecond line");
        JsonNode page = read(mvc.perform(get("/status.json")));
        assertThat(page.get("activeIncidents")).anySatisfy(i -> assertThat(i.get("latestUpdate").asText()).isEqualTo(hostile));
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() throws Exception {
        IncidentView incident = open("Validation " + System.nanoTime(), "api", Impact.DEGRADED, "sre");
        long before = updates(incident);
        problem(update(incident, "fixed", "x", null), "status", "format");
        problem(update(incident, null, "x", null), "status", "required");
        problem(update(incident, "identified", " ", null), "message", "required");
        problem(update(incident, "identified", "x".repeat(PublicIncidents.MAX_MESSAGE + 1), null), "message", "length");
        problem(update(incident, "identified", "x", "{\"api\": \"meltdown\"}"), "components.api", "format");
        problem(update(incident, "identified", "x", "{\"nope\": \"major_outage\"}"), "components.nope", "unknown");
        assertThat(updates(incident)).as("no half-written update").isEqualTo(before);
        update(incident, "identified", "x".repeat(PublicIncidents.MAX_MESSAGE), null).andExpect(status().isCreated());
        mvc.perform(post("/api/incidents/{id}/updates", 987654321L).with(httpBasic("sre", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"identified\", \"message\": \"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/incidents/{id}/public/summary", incident.id()).with(httpBasic("sre", "demo")))
                .andExpect(status().isConflict());
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");
    }

    @Test
    void theHistoryPageShowsNinetyDays() throws Exception {
        Instant now = TestClock.now();
        TestClock.pin(now.minus(Duration.ofDays(100)));
        IncidentView old = open("Long ago " + System.nanoTime(), "api", Impact.OUTAGE, "sre");
        incidents.resolve(old.id(), null, Cause.INTERNAL, "sre");
        TestClock.pin(now.minus(Duration.ofDays(80)));
        IncidentView recent = open("Eighty days ago " + System.nanoTime(), "api", Impact.OUTAGE, "sre");
        incidents.resolve(recent.id(), null, Cause.INTERNAL, "sre");
        TestClock.pin(now);
        mvc.perform(get("/status/history")).andExpect(status().isOk())
                .andExpect(content().string(containsString(recent.title())))
                .andExpect(content().string(not(containsString(old.title()))));
        mvc.perform(get("/status/incidents/{id}", old.id())).andExpect(status().isOk());
    }

    @Test
    void anApprovedPostmortemsSummaryIsPublishedOnThePageAndFeedOnce() throws Exception {
        IncidentView p1 = incidents.open(new NewIncident("Checkout down " + System.nanoTime(), "internal detail",
                Severity.P1, List.of("api"), Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre");
        incidents.acknowledge(p1.id(), "sre");
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre");
        mvc.perform(post("/api/incidents/{id}/public/summary", p1.id()).with(httpBasic("sre", "demo")))
                .andExpect(status().isConflict()); // a draft postmortem is not published

        postmortems.edit(p1.id(), new PostmortemDraft("A config flag flipped during a deploy.",
                "Checkout failed for 20 minutes.", null, "A flag flipped.", "No canary.", "Fast rollback."), "sre");
        postmortems.addActionItem(p1.id(), new NewActionItem("Add a canary stage", "sre",
                java.time.LocalDate.ofInstant(TestClock.now(), java.time.ZoneOffset.UTC).plusDays(14), null), "sre");
        postmortems.submit(p1.id(), "sre");
        postmortems.review(p1.id(), true, "Good.", "sre2");

        mvc.perform(post("/api/incidents/{id}/public/summary", p1.id()).with(httpBasic("sre", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary").value("A config flag flipped during a deploy.\n\n"
                        + "Impact on customers: Checkout failed for 20 minutes."));
        mvc.perform(post("/api/incidents/{id}/public/summary", p1.id()).with(httpBasic("sre", "demo")))
                .andExpect(status().isConflict());
        mvc.perform(get("/status/incidents/{id}", p1.id()))
                .andExpect(content().string(containsString("A config flag flipped during a deploy.")))
                .andExpect(content().string(not(containsString("No canary."))));
        SyndFeed feed = new SyndFeedInput().build(new StringReader(
                mvc.perform(get("/status/feed.atom")).andReturn().getResponse().getContentAsString()));
        assertThat(feed.getEntries()).filteredOn(e -> e.getUri().startsWith("urn:sla-desk:incident:" + p1.id() + ":"))
                .extracting(SyndEntry::getTitle).contains("Postmortem: " + p1.title());
    }

    private IncidentView open(String title, String component, Impact impact, String actor) {
        return incidents.open(new NewIncident(title, "internal detail", Severity.P2, List.of(component),
                Environment.PRODUCTION, impact, null, null), actor);
    }

    private ResultActions update(IncidentView incident, String status, String message, String components) throws Exception {
        String body = "{" + (status == null ? "" : "\"status\": " + json.writeValueAsString(status) + ", ")
                + "\"message\": " + json.writeValueAsString(message)
                + (components == null ? "" : ", \"components\": " + components) + "}";
        return mvc.perform(post("/api/incidents/{id}/updates", incident.id()).with(httpBasic("sre", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void problem(ResultActions result, String field, String rule) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
    }

    private long updates(IncidentView incident) {
        return jdbc.queryForObject("select count(*) from public_incident_update where incident_id = ?", Long.class, incident.id());
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static JsonNode component(JsonNode page, String code) {
        for (JsonNode c : page.get("components")) {
            if (c.get("code").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no component " + code);
    }

    private static JsonNode group(JsonNode page, String name) {
        for (JsonNode g : page.get("groups")) {
            if (g.get("name").asText().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no group " + name);
    }
}
