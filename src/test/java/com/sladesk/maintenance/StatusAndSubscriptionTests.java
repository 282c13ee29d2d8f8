package com.sladesk.maintenance;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public status page, its feeds (read back by real parsers), subscriptions, and the maintenance API. */
@SlaDeskTest
@Tag("clock")
class StatusAndSubscriptionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    IncidentService incidents;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void subscriptionIsDoubleOptInAndUnsubscribedByOneClick() throws Exception {
        String email = "watcher" + System.nanoTime() + "@example.org";
        mvc.perform(post("/status/subscribe").param("email", email).param("components", "api").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(subjects(email)).containsExactly("Confirm your SLA Desk status subscription");
        String token = jdbc.queryForObject("select token from subscriber where email = ?", String.class, email);
        assertThat(jdbc.queryForObject("select confirmed_at from subscriber where email = ?", Timestamp.class, email)).isNull();

        TestClock.pin("2026-07-01T10:00:00Z");
        schedule("Before confirming", "api");
        assertThat(subjects(email)).doesNotContain("Scheduled maintenance: Before confirming");

        mvc.perform(get("/status/subscriptions/confirm").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("confirmed")));
        schedule("After confirming", "api");
        schedule("Other component", "mcp");
        assertThat(subjects(email)).contains("Scheduled maintenance: After confirming")
                .doesNotContain("Scheduled maintenance: Other component");

        mvc.perform(get("/status/unsubscribe").param("token", token)).andExpect(status().isOk());
        schedule("After unsubscribing", "api");
        assertThat(subjects(email)).doesNotContain("Scheduled maintenance: After unsubscribing");
        mvc.perform(get("/status/unsubscribe").param("token", "not-a-token")).andExpect(status().isNotFound());
    }

    @Test
    void subscribingNeedsAValidAddressAndCsrf() throws Exception {
        mvc.perform(post("/status/subscribe").param("email", "x@y.example")).andExpect(status().isForbidden());
        mvc.perform(post("/status/subscribe").param("email", "not an address").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.flash()
                        .attribute("subscribeError", "Enter a valid email address."));
    }

    @Test
    void statusPageShowsComponentStatesIncidentsAndMaintenanceWithoutLogin() throws Exception {
        IncidentView outage = incidents.open(new NewIncident("MCP sessions failing", "internal detail: node 7 OOM",
                Severity.P1, List.of("mcp"), Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre");
        mvc.perform(get("/status.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall").value("outage"))
                .andExpect(jsonPath("$.components[?(@.code == 'mcp')].state").value("outage"))
                .andExpect(jsonPath("$.components[0].days.length()").value(90))
                .andExpect(jsonPath("$.activeIncidents[*].title", hasItem("MCP sessions failing")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("node 7 OOM"))));
        mvc.perform(get("/status")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("MCP sessions failing")));
        incidents.resolve(outage.id(), null, Cause.INTERNAL, "sre");
    }

    @Test
    void atomAndIcalendarFeedsParse() throws Exception {
        MaintenanceView window = schedule("Feed check", "core");
        String atom = mvc.perform(get("/status/feed.atom")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).anySatisfy(e -> assertThat(e.getTitle()).contains("Feed check"));

        String ics = mvc.perform(get("/maintenance.ics")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<net.fortuna.ical4j.model.component.CalendarComponent> events = calendar.getComponents("VEVENT");
        assertThat(events).anySatisfy(e ->
                assertThat(e.getProperty("UID").orElseThrow().getValue()).isEqualTo(window.icalUid()));
    }

    @Test
    void aWindowCanNameAWholeGroup() throws Exception {
        TestClock.pin("2026-09-01T10:00:00Z");
        String body = """
                {"title": "Platform upgrade", "type": "standard", "startsAt": "2026-09-13T02:00:00Z",
                 "endsAt": "2026-09-13T04:00:00Z", "components": [%s], "activities": ["database_upgrade"]}""";
        mvc.perform(post("/api/maintenance").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("\"group:Platform\", \"api\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.components", Matchers.containsInAnyOrder("core", "data", "api")));
        mvc.perform(post("/api/maintenance").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("\"group:No such group\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("components"))
                .andExpect(jsonPath("$.errors[0].rule").value("unknown"));
    }

    @Test
    void maintenanceApiAppliesTheRulesAndRoles() throws Exception {
        TestClock.pin("2026-08-01T02:00:00Z"); // a Saturday
        String body = """
                {"title": "Security patches", "type": "standard", "startsAt": "%s", "endsAt": "%s",
                 "components": ["core"], "activities": ["security_patch"]}""";
        // Saturday 8 August is not a Sunday
        mvc.perform(post("/api/maintenance").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("2026-08-08T01:00:00Z", "2026-08-08T02:00:00Z")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].rule").value("standard-window"));
        TestClock.pin("2026-08-02T03:00:00Z");
        mvc.perform(post("/api/maintenance").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("2026-08-09T02:00:00Z", "2026-08-09T04:00:00Z")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("startsAt"))
                .andExpect(jsonPath("$.errors[0].rule").value("notice"))
                .andExpect(jsonPath("$.detail").value("announced 6 days 23 hours ahead; standard maintenance needs 7 days"));
        TestClock.pin("2026-08-02T02:00:00Z");
        String created = mvc.perform(post("/api/maintenance").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("2026-08-09T02:00:00Z", "2026-08-09T04:00:00Z")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.type").value("standard"))
                .andExpect(jsonPath("$.activities[0]").value("security_patch"))
                .andReturn().getResponse().getContentAsString();
        long id = JsonPath.<Number>read(created, "$.id").longValue();
        mvc.perform(post("/api/maintenance").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title": "Hotfix", "type": "emergency", "startsAt": "2026-08-02T05:00:00Z",
                         "endsAt": "2026-08-02T06:00:00Z", "components": ["core"], "activities": ["feature_deployment"]}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("incidentId"));
        mvc.perform(post("/api/maintenance").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"x\", \"type\": \"weekly\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(post("/api/maintenance").with(httpBasic("acme", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("2026-08-16T02:00:00Z", "2026-08-16T04:00:00Z"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/maintenance").param("from", "2026-08-01T00:00:00Z").param("to", "2026-08-31T00:00:00Z")
                .with(httpBasic("acme", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) id)));
        mvc.perform(post("/api/maintenance/{id}/cancel", id).with(httpBasic("sre", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/maintenance/{id}/cancel", id).with(httpBasic("sre", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"not needed\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(post("/api/maintenance/{id}/reschedule", id).with(httpBasic("sre", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"startsAt\": \"2026-08-16T02:00:00Z\", \"endsAt\": \"2026-08-16T03:00:00Z\"}"))
                .andExpect(status().isConflict());
    }

    private MaintenanceView schedule(String title, String component) {
        LocalDate sunday = LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC)
                .plusDays(8).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        Instant start = sunday.atTime(2, 0).toInstant(ZoneOffset.UTC);
        return maintenance.schedule(new NewMaintenance(title, null, MaintenanceType.STANDARD, start,
                start.plusSeconds(3600), List.of(component), List.of(Activity.SECURITY_PATCH), null), "sre");
    }

    private List<String> subjects(String email) {
        return notifications.find(email, null, 100).stream().map(NotificationView::subject).toList();
    }

}
