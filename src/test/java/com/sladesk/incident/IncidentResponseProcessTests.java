package com.sladesk.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import com.sladesk.system.ConflictException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.sladesk.incident.IncidentResponseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * The incident-response process against the SLA's "Support Response Times": timers are fired by
 * moving the engine clock and executing the due jobs; mail is read from the notification outbox.
 * Tuesday 3 November 2026, 10:00 UTC is the usual opening time.
 */
@SlaDeskTest
@Tag("clock")
class IncidentResponseProcessTests {

    static final Instant TUESDAY_10 = Instant.parse("2026-11-03T10:00:00Z");
    static final String LEAD = "sre-lead@sla-desk.example";
    static final String SRE = "sre@sla-desk.example";
    static final String SRE2 = "sre2@sla-desk.example";
    static final String LEADER = "leader@sla-desk.example";

    @Autowired
    ProcessEngine engine;

    @Autowired
    IncidentService incidents;

    @Autowired
    Notifications notifications;

    @BeforeEach
    void setUp() {
        init(engine);
        TestClock.pin(TUESDAY_10);
    }

    @AfterEach
    void tearDown() {
        TestClock.runFromStart();
        reset();
    }

    @Test
    void p1WarnsSresAt75PercentAndEscalatesBreachesToLeadAndLeadership() {
        IncidentView incident = open(Severity.P1);
        ProcessInstance pi = process(incident);
        assertThat(pi).isWaitingAt(WAIT_FOR_ACKNOWLEDGEMENT);
        assertThat(incident.responseDueAt()).isEqualTo(TUESDAY_10.plus(Duration.ofHours(1)));
        assertThat(incident.resolutionDueAt()).isEqualTo(TUESDAY_10.plus(Duration.ofHours(4)));
        assertThat(job(RESPONSE_BREACHING_SOON, pi)).hasDueDate(date(TUESDAY_10.plus(Duration.ofMinutes(45))));
        assertThat(job(RESPONSE_BREACHED, pi)).hasDueDate(date(TUESDAY_10.plus(Duration.ofHours(1))));

        TestClock.pin(TUESDAY_10.plus(Duration.ofMinutes(45)));
        execute(job(RESPONSE_BREACHING_SOON, pi));
        assertThat(recipientsOf(incident, "breaching soon")).containsExactlyInAnyOrder(SRE, SRE2);
        assertThat(recipientsOf(incident, "SLA BREACH")).isEmpty();

        TestClock.pin(TUESDAY_10.plus(Duration.ofHours(1)));
        execute(job(RESPONSE_BREACHED, pi));
        assertThat(recipientsOf(incident, "SLA BREACH")).containsExactlyInAnyOrder(LEAD, LEADER);
        IncidentView breached = incidents.find(incident.id()).orElseThrow();
        assertThat(breached.breaches()).singleElement().satisfies(b -> {
            assertThat(b.target()).isEqualTo(SlaTarget.RESPONSE);
            assertThat(b.at()).isEqualTo(TUESDAY_10.plus(Duration.ofHours(1)));
            assertThat(b.dueAt()).isEqualTo(TUESDAY_10.plus(Duration.ofHours(1)));
        });

        TestClock.pin(TUESDAY_10.plus(Duration.ofMinutes(70)));
        incidents.acknowledge(incident.id(), "sre");
        assertThat(pi).isWaitingAt(WAIT_FOR_RESOLUTION);
        assertThat(jobQuery().processInstanceId(pi.getId()).activityId(RESPONSE_BREACHED).count()).isZero();
        assertThat(job(RESOLUTION_BREACHING_SOON, pi)).hasDueDate(date(TUESDAY_10.plus(Duration.ofHours(3))));
        assertThat(job(RESOLUTION_BREACHED, pi)).hasDueDate(date(TUESDAY_10.plus(Duration.ofHours(4))));
    }

    @Test
    void resolvedP1GetsAPostmortemTaskDueInFiveBusinessDays() {
        IncidentView incident = open(Severity.P1);
        ProcessInstance pi = process(incident);
        incidents.acknowledge(incident.id(), "sre");
        TestClock.pin(TUESDAY_10.plus(Duration.ofHours(2)));
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");

        // a P1 always needs a document: a postmortem, or a root-cause analysis once the budget is exhausted
        assertThat(pi).isEnded().hasPassed(POSTMORTEM_POLICY, END_POSTMORTEM_REQUIRED);
        IncidentView resolved = incidents.find(incident.id()).orElseThrow();
        assertThat(resolved.postmortemKind()).isIn("POSTMORTEM", "RCA");
        // resolved Tuesday 12:00; 5 × 8 business hours later is the next Tuesday 12:00
        assertThat(resolved.postmortemDueAt()).isEqualTo(Instant.parse("2026-11-10T12:00:00Z"));
        ProcessInstance review = runtimeService().createProcessInstanceQuery().processDefinitionKey("postmortem-review")
                .processInstanceBusinessKey(String.valueOf(incident.id())).singleResult();
        Task task = taskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
        assertThat(task).hasCandidateGroup("sre");
        assertThat(task.getDueDate()).isEqualTo(date(Instant.parse("2026-11-10T12:00:00Z")));
        assertThat(resolved.timeline()).extracting(IncidentView.TimelineEntry::action)
                .contains(resolved.postmortemKind().equals("RCA") ? "root cause analysis required" : "postmortem required");
    }

    @Test
    void p2ResolutionRunsOnTheBusinessCalendarAndItsBreachReachesLeadership() {
        TestClock.pin(Instant.parse("2026-11-07T10:00:00Z")); // Saturday
        IncidentView incident = open(Severity.P2);
        ProcessInstance pi = process(incident);
        assertThat(incident.responseDueAt()).isEqualTo(Instant.parse("2026-11-07T14:00:00Z"));
        assertThat(incident.resolutionDueAt()).isEqualTo(Instant.parse("2026-11-09T17:00:00Z"));
        incidents.acknowledge(incident.id(), "sre");
        assertThat(job(RESOLUTION_BREACHING_SOON, pi)).hasDueDate(date(Instant.parse("2026-11-09T15:00:00Z")));

        TestClock.pin(Instant.parse("2026-11-09T17:00:00Z"));
        execute(job(RESOLUTION_BREACHED, pi));
        assertThat(recipientsOf(incident, "SLA BREACH")).containsExactlyInAnyOrder(LEAD, LEADER);
        assertThat(incidents.find(incident.id()).orElseThrow().breaches())
                .extracting(IncidentView.Breach::target).containsExactly(SlaTarget.RESOLUTION);
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");
        assertPolicyFollowed(pi, incident);
    }

    @Test
    void p3BreachesGoToTheSreLeadOnly() {
        TestClock.pin(Instant.parse("2026-11-06T12:00:00Z")); // Friday noon
        IncidentView incident = open(Severity.P3);
        ProcessInstance pi = process(incident);
        assertThat(incident.responseDueAt()).isEqualTo(Instant.parse("2026-11-06T20:00:00Z"));
        assertThat(incident.resolutionDueAt()).isEqualTo(Instant.parse("2026-11-10T12:00:00Z"));

        TestClock.pin(incident.responseDueAt());
        execute(job(RESPONSE_BREACHING_SOON, pi));
        execute(job(RESPONSE_BREACHED, pi));
        assertThat(recipientsOf(incident, "SLA BREACH")).containsExactly(LEAD);

        incidents.acknowledge(incident.id(), "sre");
        TestClock.pin(incident.resolutionDueAt());
        execute(job(RESOLUTION_BREACHED, pi));
        assertThat(recipientsOf(incident, "SLA BREACH")).containsExactly(LEAD, LEAD);
    }

    @Test
    void p4ResolutionIsAWeekOnTheCalendarClock() {
        IncidentView incident = open(Severity.P4);
        assertThat(incident.responseDueAt()).isEqualTo(TUESDAY_10.plus(Duration.ofHours(24)));
        assertThat(incident.resolutionDueAt()).isEqualTo(TUESDAY_10.plus(Duration.ofDays(7)));
    }

    @Test
    void severityChangeRetargetsTheRunningTimersFromOpenedAt() {
        IncidentView incident = open(Severity.P3);
        ProcessInstance pi = process(incident);
        assertThat(job(RESPONSE_BREACHED, pi)).hasDueDate(date(TUESDAY_10.plus(Duration.ofHours(8))));

        TestClock.pin(TUESDAY_10.plus(Duration.ofMinutes(20)));
        IncidentView p1 = incidents.changeSeverity(incident.id(), Severity.P1, "sre");

        assertThat(p1.responseDueAt()).isEqualTo(TUESDAY_10.plus(Duration.ofHours(1)));
        assertThat(pi).isWaitingAt(WAIT_FOR_ACKNOWLEDGEMENT);
        assertThat(jobQuery().processInstanceId(pi.getId()).activityId(RESPONSE_BREACHED).count()).isOne();
        assertThat(job(RESPONSE_BREACHED, pi)).hasDueDate(date(TUESDAY_10.plus(Duration.ofHours(1))));
        assertThat(job(RESPONSE_BREACHING_SOON, pi)).hasDueDate(date(TUESDAY_10.plus(Duration.ofMinutes(45))));

        incidents.acknowledge(incident.id(), "sre");
        IncidentView p2 = incidents.changeSeverity(incident.id(), Severity.P2, "sre");
        // one business day from Tuesday 10:00: seven hours on Tuesday, one on Wednesday
        assertThat(p2.resolutionDueAt()).isEqualTo(Instant.parse("2026-11-04T10:00:00Z"));
        assertThat(job(RESOLUTION_BREACHED, pi)).hasDueDate(date(Instant.parse("2026-11-04T10:00:00Z")));
        assertThat(incidents.find(incident.id()).orElseThrow().timeline())
                .extracting(IncidentView.TimelineEntry::action).contains("severity changed");
    }

    @Test
    void aBreachIsNotifiedOnceEvenWhenARetargetFiresItsTimerAgain() {
        IncidentView incident = open(Severity.P3);
        ProcessInstance pi = process(incident);
        TestClock.pin(TUESDAY_10.plus(Duration.ofHours(8)));
        execute(job(RESPONSE_BREACHED, pi));
        assertThat(recipientsOf(incident, "SLA BREACH")).containsExactly(LEAD);

        // P2 responds within 4 hours: already past, so the re-armed breach timer is due at once
        incidents.changeSeverity(incident.id(), Severity.P2, "sre");
        execute(job(RESPONSE_BREACHED, pi));

        assertThat(recipientsOf(incident, "SLA BREACH")).containsExactly(LEAD);
        assertThat(incidents.find(incident.id()).orElseThrow().breaches()).hasSize(1);
    }

    @Test
    void waitingForTheCustomerStopsTheResolutionClockAndMovesTheDueTime() {
        IncidentView incident = open(Severity.P3);
        ProcessInstance pi = process(incident);
        incidents.acknowledge(incident.id(), "sre");
        assertThat(incident.resolutionDueAt()).isEqualTo(Instant.parse("2026-11-05T10:00:00Z"));

        TestClock.pin(TUESDAY_10.plus(Duration.ofHours(1)));
        incidents.pause(incident.id(), "sre");
        assertThat(pi).isWaitingAt(WAIT_FOR_CUSTOMER);
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();

        // paused Tuesday 11:00 to Wednesday 11:00: 8 business hours
        TestClock.pin(Instant.parse("2026-11-04T11:00:00Z"));
        IncidentView resumed = incidents.resume(incident.id(), "sre");
        assertThat(pi).isWaitingAt(WAIT_FOR_RESOLUTION);
        assertThat(resumed.pausedMinutes()).isEqualTo(480);
        assertThat(resumed.resolutionDueAt()).isEqualTo(Instant.parse("2026-11-06T10:00:00Z"));
        assertThat(job(RESOLUTION_BREACHED, pi)).hasDueDate(date(Instant.parse("2026-11-06T10:00:00Z")));
    }

    @Test
    void anIncidentWaitingForTheCustomerCanBeResolved() {
        IncidentView incident = open(Severity.P4);
        ProcessInstance pi = process(incident);
        incidents.acknowledge(incident.id(), "sre");
        incidents.pause(incident.id(), "sre");
        incidents.resolve(incident.id(), null, Cause.CUSTOMER, "sre");
        assertThat(pi).isEnded().hasPassed("IntermediateCatchEvent_ResolvedWhilePaused");
        assertPolicyFollowed(pi, incident);
    }

    @Test
    void raisingAPausedIncidentToP2RestartsItsClock() {
        IncidentView incident = open(Severity.P3);
        ProcessInstance pi = process(incident);
        incidents.acknowledge(incident.id(), "sre");
        incidents.pause(incident.id(), "sre");
        IncidentView raised = incidents.changeSeverity(incident.id(), Severity.P2, "sre");
        assertThat(raised.paused()).isFalse();
        assertThat(pi).isWaitingAt(WAIT_FOR_RESOLUTION);
        assertThat(job(RESOLUTION_BREACHED, pi)).hasDueDate(date(raised.resolutionDueAt()));
    }

    @Test
    void onlyP3AndP4MayWaitForTheCustomer() {
        IncidentView incident = open(Severity.P2);
        incidents.acknowledge(incident.id(), "sre");
        assertThatThrownBy(() -> incidents.pause(incident.id(), "sre")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("P3 and P4");
    }

    @Test
    void aResolvedIncidentBeforeAcknowledgementSkipsTheResolutionWindow() {
        IncidentView incident = open(Severity.P2);
        ProcessInstance pi = process(incident);
        incidents.resolve(incident.id(), null, Cause.THIRD_PARTY, "sre");
        assertThat(pi).isEnded().hasNotPassed(WAIT_FOR_RESOLUTION);
        assertPolicyFollowed(pi, incident);
        assertThatThrownBy(() -> incidents.acknowledge(incident.id(), "sre")).isInstanceOf(ConflictException.class);
    }

    /**
     * Other tests' outages share this month, so its tier at resolution is whatever they left: the
     * process must have followed the SLA for the tier it recorded — a P2–P4 closes without a
     * document only while more than half the budget is left.
     */
    private void assertPolicyFollowed(ProcessInstance pi, IncidentView incident) {
        String tier = (String) org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(VAR_BUDGET_POLICY)
                .singleResult().getValue();
        IncidentView resolved = incidents.find(incident.id()).orElseThrow();
        if (tier.equals("NORMAL") && incident.severity() != Severity.P1) {
            assertThat(pi).isEnded().hasPassed(END_CLOSED).hasNotPassed(END_POSTMORTEM_REQUIRED);
            assertThat(resolved.postmortemKind()).isNull();
        }
        else {
            assertThat(pi).isEnded().hasPassed(END_POSTMORTEM_REQUIRED);
            assertThat(resolved.postmortemKind()).isEqualTo(tier.equals("EXHAUSTED") ? "RCA" : "POSTMORTEM");
        }
    }

    private IncidentView open(Severity severity) {
        return incidents.open(new NewIncident("Checkout API errors " + severity, null, severity, List.of("api"),
                Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre");
    }

    private ProcessInstance process(IncidentView incident) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(incident.id())).singleResult();
    }

    private List<String> recipientsOf(IncidentView incident, String subjectPart) {
        return notifications.find(null, null, 1000).stream()
                .filter(n -> n.subject().contains("#" + incident.id() + " ") && n.subject().contains(subjectPart))
                .sorted(Comparator.comparing(NotificationView::id))
                .map(NotificationView::recipient).toList();
    }


    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
