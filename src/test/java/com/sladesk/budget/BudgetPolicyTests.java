package com.sladesk.budget;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.audit.AuditEntry;
import com.sladesk.audit.AuditTrail;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.BudgetPolicy;
import com.sladesk.change.ChangeDecision;
import com.sladesk.change.ChangeKind;
import com.sladesk.change.ChangeService;
import com.sladesk.change.ChangeView;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * The SLA's burn-rate actions, stand-up and recovery checklist, with the clock moved through
 * months no other test touches and downtime added by back-filled outages.
 */
@SlaDeskTest
@Tag("clock")
class BudgetPolicyTests {

    static final String LEAD = "sre-lead@sla-desk.example";
    static final String LEADER = "leader@sla-desk.example";

    @Autowired
    ProcessEngine engine;

    @Autowired
    BurnRateWatch watch;

    @Autowired
    ReliabilityRoutines routines;

    @Autowired
    IncidentService incidents;

    @Autowired
    ChangeService changes;

    @Autowired
    AvailabilityService availability;

    @Autowired
    Notifications notifications;

    @Autowired
    AuditTrail audit;

    @Autowired
    ManagementService management;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void tearDown() {
        // no freeze or page outlives the test: a quiet week later the burn is zero everywhere it looks
        TestClock.pin("2016-12-20T12:00:00Z");
        watch.evaluate();
        assertThat(watch.activeFreeze()).isEmpty();
        assertThat(watch.activePage()).isEmpty();
        TestClock.runFromStart();
        reset();
    }

    @Autowired
    com.sladesk.oncall.PagingContacts contacts;

    @Test
    void a5xBurnFreezesFeatureChangesAnd10xPagesOncePerEpisodeBothClearingThemselves() {
        TestClock.pin("2016-09-14T10:00:00Z"); // a Wednesday
        watch.evaluate();
        assertThat(watch.activeFreeze()).isEmpty();
        int pagesBefore = pages().size();
        // the SRE lead (sre2) is also paged on their own channel, a Slack-compatible webhook
        String slack = "http://127.0.0.1:18477/slack/burn-" + System.nanoTime();
        contacts.set("sre2", "SLACK", slack);

        outage("2016-09-14T09:30:00Z", 20); // 20 min in the last hour: 333x over 1h, 55.6x over 6h
        watch.evaluate();
        contacts.set("sre2", "SLACK", "");
        assertThat(notifications.find(slack, null, 10)).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(com.sladesk.notification.Channel.SLACK);
            assertThat(n.subject()).startsWith("[P1] ALL HANDS ON DECK");
        });
        BurnEpisode freeze = watch.activeFreeze().orElseThrow();
        BurnEpisode page = watch.activePage().orElseThrow();
        assertThat(freeze.window()).isEqualTo("6h");
        assertThat(freeze.startedRate()).isEqualByComparingTo("55.56");
        assertThat(page.window()).isEqualTo("1h");
        assertThat(page.startedRate()).isEqualByComparingTo("333.33");
        assertThat(pages()).hasSize(pagesBefore + 1);
        assertThat(recipientsOf(pages().get(pages().size() - 1).subject())).contains(LEAD, LEADER, "sre2@sla-desk.example")
                .doesNotContain("sre@sla-desk.example");
        assertThat(audit("error-budget", freeze.id())).contains("burn-freeze");
        assertThat(audit("error-budget", page.id())).contains("burn-page");

        // 20 of 43.2 minutes used: the tier is NORMAL, yet the burn freezes feature changes, not fixes
        assertThat(availability.month(YearMonth.of(2016, 9)).policy()).isEqualTo(BudgetPolicy.NORMAL);
        ChangeView feature = changes.request("New dashboard " + System.nanoTime(), null, ChangeKind.FEATURE, null, null, "sre");
        assertThat(feature.decision()).isEqualTo(ChangeDecision.BLOCKED);
        assertThat(feature.reason()).contains("burning at 55.56x over 6h", "frozen until the burn drops");
        assertThat(changes.request("Fix " + System.nanoTime(), null, ChangeKind.FIX, null, null, "sre").decision())
                .isEqualTo(ChangeDecision.APPROVED);

        // the page is sent once per episode
        TestClock.pin("2016-09-14T10:01:00Z");
        contacts.set("sre2", "SLACK", slack);
        watch.evaluate();
        contacts.set("sre2", "SLACK", "");
        assertThat(pages()).hasSize(pagesBefore + 1);
        assertThat(notifications.find(slack, null, 10)).hasSize(1);

        // an hour later the 1h burn is zero: the page clears, the 6h freeze holds
        TestClock.pin("2016-09-14T10:51:00Z");
        watch.evaluate();
        assertThat(watch.activePage()).isEmpty();
        assertThat(watch.activeFreeze()).isPresent();
        assertThat(audit("error-budget", page.id())).contains("burn-page-cleared");

        // six hours later the freeze lifts itself, and feature changes go through
        TestClock.pin("2016-09-14T15:51:00Z");
        watch.evaluate();
        assertThat(watch.activeFreeze()).isEmpty();
        assertThat(audit("error-budget", freeze.id())).contains("burn-freeze-lifted");
        assertThat(changes.request("New dashboard " + System.nanoTime(), null, ChangeKind.FEATURE, null, null, "sre")
                .decision()).isEqualTo(ChangeDecision.APPROVED);
    }

    @Test
    void theRecoveryChecklistStartsOnceWhenTheTierFallsAndTheStandUpRunsOnBusinessDaysWhileFrozen() {
        TestClock.pin("2016-10-19T12:00:00Z"); // a Wednesday
        watch.evaluate();
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(BudgetProcesses.RECOVERY)
                .processInstanceBusinessKey("2016-10").count()).isZero();
        int standupsBefore = standups().size();
        runStandup("2016-10-19T09:30:00Z");
        assertThat(standups()).hasSize(standupsBefore);

        outage("2016-10-03T00:00:00Z", 35); // 35 of 44.64 minutes (31 days): 21.6% left
        assertThat(availability.month(YearMonth.of(2016, 10)).policy()).isEqualTo(BudgetPolicy.FREEZE);
        watch.evaluate();
        watch.evaluate();
        List<ProcessInstance> recovery = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(BudgetProcesses.RECOVERY).processInstanceBusinessKey("2016-10").list();
        assertThat(recovery).hasSize(1);
        assertThat(routines.recoveryTasks("2016-10")).extracting(t -> t.name()).containsExactly(
                "Recovery 1/6: Identify and fix root cause", "Recovery 2/6: Implement monitoring and alerts",
                "Recovery 3/6: Conduct blameless postmortem", "Recovery 4/6: Update runbooks and playbooks",
                "Recovery 5/6: Verify fix with load testing", "Recovery 6/6: Gradually resume deployments");
        routines.completeRecoveryTask("2016-10", "UserTask_Recovery1", "sre");
        assertThat(routines.recoveryTasks("2016-10")).hasSize(5);

        // Wednesday 09:30 in FREEZE: the stand-up mail; Saturday: none
        runStandup("2016-10-19T09:30:00Z");
        assertThat(standups()).hasSize(standupsBefore + 1);
        NotificationView standup = standups().get(standups().size() - 1);
        assertThat(standup.subject()).isEqualTo("Daily reliability stand-up 2016-10-19: tier FREEZE, 21.595% of the budget left");
        assertThat(recipientsOf(standup.subject())).contains("sre@sla-desk.example", "sre2@sla-desk.example", LEADER);
        runStandup("2016-10-22T09:30:00Z");
        assertThat(standups()).hasSize(standupsBefore + 1);
    }

    private void runStandup(String at) {
        TestClock.pin(at);
        Job job = management.createJobQuery().processDefinitionKey(BudgetProcesses.STANDUP).singleResult();
        assertThat(job).as("the stand-up's timer").isNotNull();
        management.executeJob(job.getId());
    }

    private void outage(String from, int minutes) {
        Instant start = Instant.parse(from);
        incidents.backfill(new NewIncident("Past outage " + System.nanoTime(), null, Severity.P4, List.of("api"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), start.plus(Duration.ofMinutes(minutes)),
                Cause.INTERNAL, "sre");
    }

    private List<NotificationView> pages() {
        return notifications.find(LEAD, null, 1000).stream().filter(n -> n.subject().startsWith("[P1] ALL HANDS ON DECK"))
                .sorted(Comparator.comparing(NotificationView::id)).toList();
    }

    private List<NotificationView> standups() {
        return notifications.find("sre@sla-desk.example", null, 1000).stream()
                .filter(n -> n.subject().startsWith("Daily reliability stand-up"))
                .sorted(Comparator.comparing(NotificationView::id)).toList();
    }

    private List<String> recipientsOf(String subject) {
        return notifications.find(null, null, 2000).stream().filter(n -> n.subject().equals(subject))
                .map(NotificationView::recipient).toList();
    }

    private List<String> audit(String type, long id) {
        return audit.latest(type, String.valueOf(id), 50).stream().map(AuditEntry::action).toList();
    }
}
