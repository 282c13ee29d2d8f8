package com.sladesk.postmortem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.BudgetPolicy;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentResponseProcess;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import com.sladesk.system.ForbiddenException;
import com.sladesk.system.RuleViolationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.sladesk.postmortem.PostmortemProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * The SLA's postmortem rules by error-budget tier, through the incident process and the review
 * process, with the clock moved through a month no other test touches: downtime is added by
 * back-filled outages until the tier is REDUCED, FREEZE and EXHAUSTED, and each resolution is
 * checked against what the tier asks.
 */
@SlaDeskTest
@Tag("clock")
class PostmortemPolicyTests {

    @Autowired
    ProcessEngine engine;

    @Autowired
    IncidentService incidents;

    @Autowired
    PostmortemService postmortems;

    @Autowired
    AvailabilityService availability;

    @Autowired
    Notifications notifications;

    @Autowired
    DecisionService decisions;

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
    void theTableAsksPerTierAndSeverity() {
        for (BudgetPolicy tier : BudgetPolicy.values()) {
            for (Severity severity : Severity.values()) {
                String document = (String) decisions.evaluateDecisionTableByKey(IncidentResponseProcess.POSTMORTEM_DECISION,
                        Variables.createVariables().putValue("severity", severity.name()).putValue("budgetPolicy", tier.name()))
                        .getSingleResult().getEntry("document");
                String expected = tier == BudgetPolicy.EXHAUSTED ? "RCA"
                        : severity == Severity.P1 || tier != BudgetPolicy.NORMAL ? "POSTMORTEM" : "NONE";
                assertThat(document).as(tier + " " + severity).isEqualTo(expected);
            }
        }
    }

    @Test
    void theMonthsTierAtResolutionDecidesThroughTheProcess() {
        YearMonth april = YearMonth.of(2016, 4);
        TestClock.pin(Instant.parse("2016-04-13T10:00:00Z"));
        assertThat(availability.month(april).policy()).isEqualTo(BudgetPolicy.NORMAL);

        IncidentView normalP3 = openAndResolve(Severity.P3, Impact.DEGRADED);
        assertThat(process(normalP3)).isEnded().hasPassed(IncidentResponseProcess.END_CLOSED);
        assertThat(incidents.find(normalP3.id()).orElseThrow().postmortemKind()).isNull();
        assertThat(postmortems.list()).noneMatch(p -> p.incidentId() == normalP3.id());

        // 25 of 43.2 minutes used: 42% left
        outage("2016-04-01T00:00:00Z", 25);
        assertThat(availability.month(april).policy()).isEqualTo(BudgetPolicy.REDUCED);
        IncidentView reducedP3 = openAndResolve(Severity.P3, Impact.DEGRADED);
        assertThat(process(reducedP3)).isEnded().hasPassed(IncidentResponseProcess.END_POSTMORTEM_REQUIRED);
        PostmortemView reduced = postmortems.find(reducedP3.id());
        assertThat(reduced.kind()).isEqualTo(PostmortemKind.POSTMORTEM);
        assertThat(reduced.budgetPolicy()).isEqualTo("REDUCED");
        assertThat(reduced.status()).isEqualTo(PostmortemStatus.DRAFT);
        // resolved Wednesday 13 April 10:30; 5 business days later is Wednesday 20 April 10:30
        assertThat(reduced.dueAt()).isEqualTo(Instant.parse("2016-04-20T10:30:00Z"));
        ProcessInstance review = review(reducedP3);
        assertThat(review).isWaitingAt(WRITE);
        assertThat(job(REMINDER, review)).hasDueDate(Date.from(Instant.parse("2016-04-19T10:30:00Z")));
        assertThat(job(OVERDUE, review)).hasDueDate(Date.from(Instant.parse("2016-04-20T10:30:00Z")));

        // 37 minutes used: 14% left
        outage("2016-04-02T00:00:00Z", 12);
        assertThat(availability.month(april).policy()).isEqualTo(BudgetPolicy.FREEZE);
        IncidentView freezeP4 = openAndResolve(Severity.P4, Impact.NONE);
        assertThat(postmortems.find(freezeP4.id()).kind()).isEqualTo(PostmortemKind.POSTMORTEM);
        assertThat(postmortems.find(freezeP4.id()).budgetPolicy()).isEqualTo("FREEZE");

        // 47 minutes used: exhausted, a root-cause analysis of every incident
        outage("2016-04-03T00:00:00Z", 10);
        assertThat(availability.month(april).policy()).isEqualTo(BudgetPolicy.EXHAUSTED);
        IncidentView exhaustedP3 = openAndResolve(Severity.P3, Impact.NONE);
        PostmortemView rca = postmortems.find(exhaustedP3.id());
        assertThat(rca.kind()).isEqualTo(PostmortemKind.RCA);
        assertThat(incidents.find(exhaustedP3.id()).orElseThrow().timeline())
                .extracting(IncidentView.TimelineEntry::action).contains("root cause analysis required");
    }

    @Test
    void aP1sPostmortemIsDraftedRemindedReviewedAndApproved() {
        TestClock.pin(Instant.parse("2016-06-14T09:00:00Z")); // a Tuesday in a month no other test touches (later months run into other tests' open outages)
        IncidentView p1 = incidents.open(new NewIncident("Checkout down " + System.nanoTime(), null, Severity.P1,
                List.of("api"), Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre");
        incidents.acknowledge(p1.id(), "sre");
        TestClock.pin(Instant.parse("2016-06-14T09:20:00Z"));
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre");

        PostmortemView draft = postmortems.find(p1.id());
        assertThat(draft.kind()).isEqualTo(PostmortemKind.POSTMORTEM);
        assertThat(draft.budgetPolicy()).isEqualTo("NORMAL");
        assertThat(draft.customerImpact()).contains("**Duration:** 20 min", "**Components:** api",
                "**Downtime counted against the SLA:** 20.0 min", "**Organisations affected:**");
        assertThat(draft.timeline()).contains("opened (sre)", "acknowledged (sre)", "resolved (sre)");

        ProcessInstance review = review(p1);
        TestClock.pin(Instant.parse("2016-06-20T09:20:00Z"));
        execute(job(REMINDER, review));
        assertThat(recipientsOf("Reminder: postmortem of incident #" + p1.id() + " "))
                .contains("sre@sla-desk.example", "sre2@sla-desk.example");
        TestClock.pin(Instant.parse("2016-06-21T09:21:00Z"));
        execute(job(OVERDUE, review));
        assertThat(recipientsOf("Postmortem of incident #" + p1.id() + " is overdue"))
                .contains("sre@sla-desk.example", "sre2@sla-desk.example");
        assertThat(postmortems.find(p1.id()).overdue()).isTrue();

        assertThatThrownBy(() -> postmortems.submit(p1.id(), "sre")).isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("field", "rootCause");
        postmortems.edit(p1.id(), new PostmortemDraft("A bad deploy.", null, null, "A config flag flipped.", "No canary.",
                "Fast rollback."), "sre");
        assertThatThrownBy(() -> postmortems.submit(p1.id(), "sre")).isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("field", "actionItems");

        ActionItemView item = postmortems.addActionItem(p1.id(),
                new NewActionItem("Add a canary stage", "sre", LocalDate.parse("2016-06-29"), "https://git.example/ops/1"), "sre");
        ProcessInstance itemProcess = runtimeService().createProcessInstanceQuery().processDefinitionKey(ACTION_ITEM)
                .processInstanceBusinessKey(String.valueOf(item.id())).singleResult();
        assertThat(itemProcess).isWaitingAt(DO_ACTION_ITEM);
        assertThat(task(itemProcess)).isAssignedTo("sre");
        assertThat(task(itemProcess).getName()).isEqualTo("Action item: Add a canary stage");

        postmortems.submit(p1.id(), "sre");
        assertThat(review).isWaitingAt(REVIEW_TASK);
        assertThat(task(review)).hasCandidateGroup("sre-lead");
        assertThatThrownBy(() -> postmortems.review(p1.id(), true, null, "sre")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> postmortems.edit(p1.id(), new PostmortemDraft("x", null, null, null, null, null), "sre"))
                .hasMessageContaining("only a draft");
        postmortems.review(p1.id(), false, "Say why the flag flipped.", "sre2");
        assertThat(review).isWaitingAt(WRITE);
        postmortems.submit(p1.id(), "sre");
        PostmortemView approved = postmortems.review(p1.id(), true, "Good.", "sre2");
        assertThat(approved.status()).isEqualTo(PostmortemStatus.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo("sre2");
        assertThat(review).isEnded().hasPassed(END_APPROVED);
        assertThat(incidents.find(p1.id()).orElseThrow().postmortemDoneAt()).isEqualTo(Instant.parse("2016-06-21T09:21:00Z"));

        // the action item: reminded before its day ends, overdue after, then done
        TestClock.pin(Instant.parse("2016-06-29T16:00:00Z"));
        execute(job(ACTION_ITEM_REMINDER, itemProcess));
        assertThat(recipientsOf("Reminder: action item due 2016-06-29: Add a canary stage")).containsExactly("sre@sla-desk.example");
        TestClock.pin(Instant.parse("2016-06-30T00:00:00Z"));
        execute(job(ACTION_ITEM_OVERDUE, itemProcess));
        assertThat(recipientsOf("Action item overdue: Add a canary stage")).contains("sre@sla-desk.example", "sre2@sla-desk.example");
        assertThat(postmortems.overdueActionItems()).extracting(ActionItemView::id).contains(item.id());
        assertThatThrownBy(() -> postmortems.completeActionItem(item.id(), "leader", false)).isInstanceOf(ForbiddenException.class);
        postmortems.completeActionItem(item.id(), "sre", true);
        assertThat(itemProcess).isEnded().hasPassed(END_ACTION_ITEM_DONE);
        assertThat(postmortems.overdueActionItems()).extracting(ActionItemView::id).doesNotContain(item.id());
    }

    private void outage(String from, int minutes) {
        Instant start = Instant.parse(from);
        incidents.backfill(new NewIncident("Past outage " + System.nanoTime(), null, Severity.P4, List.of("api"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), start.plus(Duration.ofMinutes(minutes)),
                Cause.INTERNAL, "sre");
    }

    private IncidentView openAndResolve(Severity severity, Impact impact) {
        IncidentView incident = incidents.open(new NewIncident("Checkout slow " + System.nanoTime(), null, severity,
                List.of("api"), Environment.PRODUCTION, impact, null, null), "sre");
        started.put(incident.id(), runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(IncidentResponseProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(incident.id())).singleResult());
        incidents.acknowledge(incident.id(), "sre");
        Instant before = TestClock.now();
        TestClock.pin(before.plus(Duration.ofMinutes(30)));
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");
        TestClock.pin(before);
        return incident;
    }

    private final java.util.Map<Long, ProcessInstance> started = new java.util.HashMap<>();

    /** The incident's process, as it was started (it may have ended since). */
    private ProcessInstance process(IncidentView incident) {
        return started.get(incident.id());
    }

    private ProcessInstance review(IncidentView incident) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(REVIEW)
                .processInstanceBusinessKey(String.valueOf(incident.id())).singleResult();
    }

    private static Task task(ProcessInstance pi) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private List<String> recipientsOf(String subjectPart) {
        return notifications.find(null, null, 1000).stream().filter(n -> n.subject().contains(subjectPart))
                .sorted(Comparator.comparing(NotificationView::id)).map(NotificationView::recipient).toList();
    }
}
