package com.sladesk.oncall;

import java.io.StringReader;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Schedules over the API: a lead builds one from layers and overrides, everyone staff reads who
 * is on call now and next and the final schedule with its gaps, each person has a private
 * calendar link; bad input is a 400 naming the field, and only SRE leads and ADMIN edit.
 */
@SlaDeskTest
class OnCallApiTests {

    static final RequestPostProcessor LEAD = user("sre2").roles("SRE");
    static final RequestPostProcessor SRE = user("sre").roles("SRE");
    static final RequestPostProcessor LEADER = user("leader").roles("LEADERSHIP");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    OnCallSchedules schedules;

    @BeforeEach
    void pin() {
        TestClock.pin("2026-11-04T12:00:00Z");
    }

    @AfterEach
    void unpin() {
        TestClock.runFromStart();
    }

    @Test
    void aLeadBuildsAScheduleAndEveryoneSeesWhoIsOnCallNowAndNext() throws Exception {
        String code = "api-" + System.nanoTime() % 1_000_000;
        String schedule = """
                {"code":"%s","name":"Platform","timeZone":"UTC","layers":[
                  {"name":"Weekly","participants":["sre","sre2"],"startsOn":"2026-11-02","handoffDay":"MONDAY",
                   "handoffTime":"09:00","shiftMinutes":10080},
                  {"name":"Wednesday nights","participants":["cto"],"startsOn":"2026-11-04","handoffDay":"WEDNESDAY",
                   "handoffTime":"20:00","shiftMinutes":720,"endsAt":"2026-11-05T08:00:00Z"}]}""".formatted(code);
        mvc.perform(json(post("/api/oncall/schedules"), schedule).with(SRE)).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/oncall/schedules"), schedule).with(LEAD)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.layers.length()").value(2));
        // overlapping overrides for one person are allowed
        mvc.perform(json(post("/api/oncall/schedules/" + code + "/overrides"),
                        "{\"username\":\"leader\",\"startsAt\":\"2026-11-04T14:00:00Z\",\"endsAt\":\"2026-11-04T16:00:00Z\"}")
                .with(LEAD)).andExpect(status().isCreated());
        mvc.perform(json(post("/api/oncall/schedules/" + code + "/overrides"),
                        "{\"username\":\"leader\",\"startsAt\":\"2026-11-04T15:00:00Z\",\"endsAt\":\"2026-11-04T17:00:00Z\"}")
                .with(LEAD)).andExpect(status().isCreated());

        JsonNode now = read(get("/api/oncall/now").with(LEADER));
        JsonNode mine = find(now, "schedule", code);
        assertThat(mine.path("now").path("username").asText()).isEqualTo("sre");
        assertThat(mine.path("now").path("to").asText()).isEqualTo("2026-11-04T14:00:00Z");
        assertThat(mine.path("next").path("username").asText()).isEqualTo("leader");
        assertThat(mine.path("next").path("source").asText()).isEqualTo("override");

        JsonNode shifts = read(get("/api/oncall/schedules/" + code + "/shifts")
                .param("from", "2026-11-04T12:00:00Z").param("to", "2026-11-09T12:00:00Z").with(LEADER));
        assertThat(shifts.findValuesAsText("username")).containsExactly("sre", "leader", "sre", "cto", "sre", "sre2");
        assertThat(shifts.get(3).path("from").asText()).isEqualTo("2026-11-04T20:00:00Z");
        assertThat(shifts.get(4).path("from").asText()).as("the night layer ended").isEqualTo("2026-11-05T08:00:00Z");
        assertThat(shifts.get(5).path("from").asText()).isEqualTo("2026-11-09T09:00:00Z");

        // each person's private calendar: sre's shifts only, parsed by ical4j
        String token = schedules.feedToken("sre");
        String ics = mvc.perform(get("/oncall/" + code + ".ics").param("token", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.getSummary().getValue()).isEqualTo("On call: Platform"));
        assertThat(events.stream().map(e -> e.getUid().orElseThrow().getValue()))
                .allMatch(uid -> uid.startsWith("oncall-" + code + "-sre-"));
        mvc.perform(get("/oncall/" + code + ".ics").param("token", "guessed")).andExpect(status().isNotFound());
        mvc.perform(get("/oncall/" + code + ".ics")).andExpect(status().isNotFound());
    }

    @Test
    void badSchedulesArePrecise400s() throws Exception {
        String layer = "{\"name\":\"L\",\"participants\":%s,\"startsOn\":\"2026-11-02\",\"handoffDay\":\"MONDAY\","
                + "\"handoffTime\":\"09:00\",\"shiftMinutes\":%d}";
        problem(post("/api/oncall/schedules"), "{\"code\":\"bad-1\",\"name\":\"B\",\"layers\":[" + layer.formatted("[]", 60) + "]}",
                "layers[0].participants", "not-empty");
        problem(post("/api/oncall/schedules"), "{\"code\":\"bad-2\",\"name\":\"B\",\"layers\":[" + layer.formatted("[\"sre\"]", 0) + "]}",
                "layers[0].shiftMinutes", "positive");
        problem(post("/api/oncall/schedules"), "{\"code\":\"bad-3\",\"name\":\"B\",\"layers\":[" + layer.formatted("[\"acme\"]", 60) + "]}",
                "layers[0].participants", "unknown-user");
        problem(post("/api/oncall/schedules"), "{\"code\":\"Bad Code\",\"name\":\"B\"}", "code", "pattern");
        problem(post("/api/oncall/schedules"), "{\"code\":\"bad-4\",\"name\":\"B\",\"timeZone\":\"Mars/Olympus\"}",
                "timeZone", "zone-id");
        mvc.perform(get("/api/oncall/schedules/bad-1").with(LEAD)).andExpect(status().isNotFound());
        problem(post("/api/oncall/schedules/primary/overrides"),
                "{\"username\":\"sre\",\"startsAt\":\"2026-11-04T14:00:00Z\",\"endsAt\":\"2026-11-04T13:00:00Z\"}",
                "endsAt", "after-start");
    }

    @Test
    void aPolicyLevelNamingADeletedScheduleIsRefusedByName() throws Exception {
        String code = "gone-" + System.nanoTime() % 1_000_000;
        mvc.perform(json(post("/api/oncall/schedules"), "{\"code\":\"" + code + "\",\"name\":\"Soon gone\"}").with(LEAD))
                .andExpect(status().isCreated());
        String p4 = "{\"repeats\":0,\"repeatAfterMinutes\":10,\"levels\":[{\"delayMinutes\":0,\"targetType\":\"SCHEDULE\",\"target\":\"%s\"}]}";
        mvc.perform(json(put("/api/oncall/policies/P4"), p4.formatted(code)).with(LEAD)).andExpect(status().isOk());
        // in use: not deleted under the policy's feet
        mvc.perform(delete("/api/oncall/schedules/" + code).with(LEAD)).andExpect(status().isConflict());
        mvc.perform(json(put("/api/oncall/policies/P4"), "{\"repeats\":0,\"repeatAfterMinutes\":30,\"levels\":[]}").with(LEAD))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/oncall/schedules/" + code).with(LEAD)).andExpect(status().isNoContent());
        problem(put("/api/oncall/policies/P4"), p4.formatted(code), "levels[0].target", "live-schedule");
        problem(put("/api/oncall/policies/P4"),
                "{\"repeats\":0,\"repeatAfterMinutes\":10,\"levels\":[{\"delayMinutes\":5,\"targetType\":\"ROLE\",\"target\":\"SRE\"},"
                        + "{\"delayMinutes\":1,\"targetType\":\"ROLE\",\"target\":\"SRE\"}]}", "levels[1].delayMinutes", "ascending");
        problem(put("/api/oncall/policies/P4"),
                "{\"repeats\":0,\"repeatAfterMinutes\":10,\"levels\":[{\"delayMinutes\":0,\"targetType\":\"TEAM\",\"target\":\"x\"}]}",
                "levels[0].targetType", "one-of");
        assertThat(read(get("/api/oncall/policies").with(SRE)).findValuesAsText("severity"))
                .containsExactly("P1", "P2", "P3", "P4");
    }

    @Test
    void everyoneSetsTheirOwnContacts() throws Exception {
        problem(put("/api/oncall/contacts"), "{\"channel\":\"SMS\",\"address\":\"0340 123\"}", "address", "e164", SRE);
        problem(put("/api/oncall/contacts"), "{\"channel\":\"PIGEON\",\"address\":\"x\"}", "channel", "one-of", SRE);
        mvc.perform(json(put("/api/oncall/contacts"), "{\"channel\":\"VOICE\",\"address\":\"+14155550100\"}").with(LEADER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.VOICE").value("+14155550100"));
        mvc.perform(json(put("/api/oncall/contacts"), "{\"channel\":\"VOICE\",\"address\":\"\"}").with(LEADER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.VOICE").doesNotExist());
    }

    private void problem(MockHttpServletRequestBuilder request, String body, String field, String rule) throws Exception {
        problem(request, body, field, rule, LEAD);
    }

    private void problem(MockHttpServletRequestBuilder request, String body, String field, String rule,
            RequestPostProcessor who) throws Exception {
        mvc.perform(json(request, body).with(who)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field)).andExpect(jsonPath("$.errors[0].rule").value(rule));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request.accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }
}
