package com.sladesk.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.audit.AuditTrail;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import com.sladesk.postmortem.ActionItemView;
import com.sladesk.postmortem.NewActionItem;
import com.sladesk.postmortem.PostmortemService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The quarterly business review, against figures computed by hand for a quarter no other test
 * touches (2015-Q3: 92 days, a 132.48-minute budget at 99.9%), and the process that mails it on
 * the first business day after the quarter and waits for leadership's "review held".
 */
@SlaDeskTest
@Tag("clock")
class QuarterlyReviewTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    @Autowired
    PostmortemService postmortems;

    @Autowired
    QuarterlyReports reports;

    @Autowired
    QuarterlyReview review;

    @Autowired
    Notifications notifications;

    @Autowired
    ManagementService management;

    @Autowired
    ProcessEngine engine;

    @Autowired
    AuditTrail audit;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void tearDown() {
        TestClock.runFromStart();
        reset();
    }

    @Test
    void aQuarterComputedByHand() throws Exception {
        TestClock.pin("2015-10-02T12:00:00Z");
        IncidentView july = past(Severity.P1, Impact.OUTAGE, Cause.INTERNAL, "2015-07-10T10:00:00Z", "2015-07-10T10:30:00Z");
        past(Severity.P2, Impact.OUTAGE, Cause.THIRD_PARTY, "2015-08-05T12:00:00Z", "2015-08-05T13:00:00Z");
        // Monday 09:00 + 2 business days is Tuesday 17:00: resolved Friday, the resolution target was missed
        past(Severity.P3, Impact.DEGRADED, Cause.INTERNAL, "2015-09-14T09:00:00Z", "2015-09-18T09:00:00Z");
        past(Severity.P1, Impact.OUTAGE, Cause.INTERNAL, "2015-09-20T00:00:00Z", "2015-09-20T00:12:00Z");
        ActionItemView done = postmortems.addActionItem(july.id(),
                new NewActionItem("Canary stage", "sre", LocalDate.parse("2015-09-01"), null), "sre");
        postmortems.completeActionItem(done.id(), "sre", true);
        postmortems.addActionItem(july.id(), new NewActionItem("Flag audit", "sre2", LocalDate.parse("2015-09-30"), null), "sre");

        QuarterlyReport r = reports.build("2015-Q3");
        assertThat(r.months()).extracting(QuarterlyReport.MonthLine::period).containsExactly("2015-07", "2015-08", "2015-09");
        // July: 30 of 44,640 minutes; its 44.64-minute budget has 14.64 left (32.8%): REDUCED
        assertThat(r.months().get(0).availabilityPercent()).isEqualByComparingTo("99.932");
        assertThat(r.months().get(0).downtimeMinutes()).isEqualByComparingTo("30.0");
        assertThat(r.months().get(0).policy()).isEqualTo("REDUCED");
        // August: the third-party hour is excluded
        assertThat(r.months().get(1).downtimeMinutes()).isEqualByComparingTo("0");
        assertThat(r.months().get(1).availabilityPercent()).isEqualByComparingTo("100");
        // September: 12 of 43,200 minutes
        assertThat(r.months().get(2).availabilityPercent()).isEqualByComparingTo("99.972");
        // the quarter: 42 of 132,480 minutes against its own 132.48-minute budget
        assertThat(r.total().downtimeMinutes()).isEqualByComparingTo("42.0");
        assertThat(r.total().errorBudgetMinutes()).isEqualByComparingTo("132.5");
        assertThat(r.total().errorBudgetRemainingMinutes()).isEqualByComparingTo("90.5");
        assertThat(r.total().availabilityPercent()).isEqualByComparingTo("99.968");

        QuarterlyReport.SeverityLine p1 = r.severities().get(0);
        assertThat(p1.perMonth()).containsExactly(1, 0, 1);
        assertThat(p1.count()).isEqualTo(2);
        assertThat(p1.mttrMinutes()).isEqualByComparingTo("21.0");
        assertThat(p1.responseAttainmentPercent()).isEqualByComparingTo("100.0");
        QuarterlyReport.SeverityLine p3 = r.severities().get(2);
        assertThat(p3.breached()).isEqualTo(1);
        assertThat(p3.mttrMinutes()).isEqualByComparingTo("5760.0");
        assertThat(r.severities().get(3).count()).isZero();
        assertThat(r.causes()).containsEntry("internal", 3).containsEntry("third_party", 1);
        assertThat(r.topComponents()).singleElement().satisfies(c -> {
            assertThat(c.component()).isEqualTo("API Endpoints");
            assertThat(c.downtimeMinutes()).isEqualByComparingTo("42.0");
        });
        assertThat(r.actionItemsDue()).isEqualTo(2);
        assertThat(r.actionItemsDone()).isEqualTo(1);
        assertThat(r.actionItemsOverdue()).singleElement().asString().contains("Flag audit", "sre2", "2015-09-30");
        assertThat(r.creditsApplied()).isZero();

        // the same figures on the page, in the CSV, the PDF and the API (JSON, CSV and PDF by Accept)
        mvc.perform(get("/reports/2015-Q3").with(user("leader").roles("LEADERSHIP"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("99.968%")));
        mvc.perform(get("/reports/2015-Q3.csv").with(user("cto").roles("CTO"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("availability 2015-Q3,percent,99.968")))
                .andExpect(content().string(containsString("incidents P1,mttr minutes,21.0")));
        mvc.perform(get("/api/reports/2015-Q3").with(httpBasic("leader", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total.availabilityPercent").value(99.968))
                .andExpect(jsonPath("$.severities[2].breached").value(1));
        mvc.perform(get("/api/reports/2015-Q3").accept("text/csv").with(httpBasic("sre", "demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("action items,done,1")));
        byte[] pdf = mvc.perform(get("/api/reports/2015-Q3").accept(MediaType.APPLICATION_PDF).with(httpBasic("cto", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        mvc.perform(get("/api/reports/2015-09").with(httpBasic("leader", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.availabilityPercent").value(99.972))
                // at September's end both were open after their due day (the canary stage was done in October)
                .andExpect(jsonPath("$.actionItemsOverdue.length()").value(2))
                .andExpect(jsonPath("$.actionItemsOverdue[0]").value(containsString("Canary stage")))
                .andExpect(jsonPath("$.actionItemsOverdue[1]").value(containsString("Flag audit")));
        mvc.perform(get("/api/reports/2015-09").accept("text/csv").with(httpBasic("leader", "demo")))
                .andExpect(content().string(containsString("action items overdue")));
        mvc.perform(get("/api/reports/2015-Q3").with(httpBasic("acme", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/2099-Q1").with(httpBasic("leader", "demo")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("quarter"));
    }

    @Test
    void theReviewIsMailedOnTheFirstBusinessDayAfterTheQuarterAndHeldByLeadership() {
        TestClock.pin("2017-07-01T07:00:00Z"); // a Saturday
        Job start = management.createJobQuery().processDefinitionKey(QuarterlyReview.KEY).timers().singleResult();
        management.executeJob(start.getId());
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(QuarterlyReview.KEY)
                .processInstanceBusinessKey("2017-Q2").singleResult();
        assertThat(pi).isWaitingAt("TimerEvent_FirstBusinessDay");
        assertThat(job("TimerEvent_FirstBusinessDay", pi))
                .hasDueDate(java.util.Date.from(Instant.parse("2017-07-03T07:00:00Z")));
        assertThat(mails("Quarterly business review 2017-Q2")).isEmpty();

        TestClock.pin("2017-07-03T07:00:00Z");
        execute(job("TimerEvent_FirstBusinessDay", pi));
        assertThat(mails("Quarterly business review 2017-Q2")).extracting(NotificationView::recipient)
                .containsExactly("leadership@sla-desk.example");
        assertThat(pi).isWaitingAt(QuarterlyReview.REVIEW_HELD);
        assertThat(review.awaitsReview("2017-Q2", "leader")).isTrue();
        assertThat(review.awaitsReview("2017-Q2", "sre")).isFalse();

        review.hold("2017-Q2", "Budget held all quarter; no SLA adjustment.", "leader");
        assertThat(pi).isEnded();
        assertThat(review.held("2017-Q2")).hasValueSatisfying(h -> assertThat(h.notes()).contains("no SLA adjustment"));
        assertThat(audit.latest("report", "20172", 5)).extracting(e -> e.action()).contains("quarterly-review-held");
    }

    private IncidentView past(Severity severity, Impact impact, Cause cause, String opened, String resolved) {
        return incidents.backfill(new NewIncident("Quarter " + severity + " " + System.nanoTime(), null, severity,
                List.of("api"), Environment.PRODUCTION, impact, Instant.parse(opened), null), Instant.parse(resolved), cause,
                "sre");
    }

    private List<NotificationView> mails(String subjectStart) {
        return notifications.find(null, null, 2000).stream().filter(n -> n.subject().startsWith(subjectStart)).toList();
    }
}
