package com.sladesk.slaexception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import com.sladesk.system.ForbiddenException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.sladesk.slaexception.SlaExceptionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/** The sla-exception process on every path, timers by the engine clock. Tuesday 3 March 2026, 10:00 UTC. */
@SlaDeskTest
@Tag("clock")
class SlaExceptionProcessTests {

    @Autowired
    ProcessEngine engine;

    @Autowired
    SlaExceptionService exceptions;

    @Autowired
    Notifications notifications;

    @BeforeEach
    void setUp() {
        init(engine);
        TestClock.pin("2026-03-03T10:00:00Z");
    }

    @AfterEach
    void tearDown() {
        TestClock.runFromStart();
        reset();
    }

    @Test
    void sentBackResubmittedApprovedActivatedAndExpiredWithItsHistory() {
        ExceptionView submitted = exceptions.submit(request("Legacy billing API", "2026-03-10", "2026-03-12"), "sre");
        ProcessInstance pi = process(submitted);
        assertThat(pi).isWaitingAt(REVIEW);
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult()).hasCandidateGroup("sre");
        assertThatThrownBy(() -> exceptions.review(submitted.id(), ReviewOutcome.APPROVE, "mine", "sre"))
                .isInstanceOf(ForbiddenException.class);

        exceptions.review(submitted.id(), ReviewOutcome.CHANGES, "Add a rollback plan", "sre2");
        assertThat(pi).isWaitingAt(REVISE);
        Task revise = taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(revise.getAssignee()).isEqualTo("sre");
        assertThatThrownBy(() -> exceptions.resubmit(submitted.id(), request("x", "2026-03-10", "2026-03-12"), "sre2"))
                .isInstanceOf(ForbiddenException.class);

        exceptions.resubmit(submitted.id(), request("Legacy billing API, with rollback", "2026-03-10", "2026-03-12"), "sre");
        assertThat(pi).isWaitingAt(REVIEW);
        exceptions.review(submitted.id(), ReviewOutcome.APPROVE, "Looks safe", "sre2");
        assertThat(pi).isWaitingAt(APPROVE);
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult()).hasCandidateGroup("leadership");
        exceptions.approve(submitted.id(), true, "Go ahead", "leader");
        assertThat(exceptions.find(submitted.id()).status()).isEqualTo(ExceptionStatus.APPROVED);
        assertThat(job(STARTS, pi)).hasDueDate(Date.from(Instant.parse("2026-03-10T00:00:00Z")));

        TestClock.pin("2026-03-10T00:00:00Z");
        execute(job(STARTS, pi));
        assertThat(exceptions.find(submitted.id()).status()).isEqualTo(ExceptionStatus.ACTIVE);
        assertThat(job(ENDS, pi)).hasDueDate(Date.from(Instant.parse("2026-03-13T00:00:00Z")));
        TestClock.pin("2026-03-13T00:00:00Z");
        execute(job(ENDS, pi));
        assertThat(pi).isEnded().hasPassed(END_EXPIRED);

        ExceptionView done = exceptions.find(submitted.id());
        assertThat(done.status()).isEqualTo(ExceptionStatus.EXPIRED);
        assertThat(done.title()).isEqualTo("Legacy billing API, with rollback");
        assertThat(done.history()).extracting(ExceptionView.HistoryEntry::action).containsExactly("submitted",
                "sent back for changes", "resubmitted", "accepted for approval", "approved", "active", "expired");
        assertThat(done.history().get(1).comment()).isEqualTo("Add a rollback plan");
        assertThat(notifications.find("sre@sla-desk.example", null, 1000)).extracting(NotificationView::subject)
                .anyMatch(s -> s.contains("#" + submitted.id() + " approved"))
                .anyMatch(s -> s.contains("#" + submitted.id() + " is now active"))
                .anyMatch(s -> s.contains("#" + submitted.id() + " has expired"));
    }

    @Test
    void leadershipMayNotApproveItsOwnRequestAndRejectionEndsIt() {
        ExceptionView submitted = exceptions.submit(request("Skip a quarterly test", "2026-04-01", "2026-04-02"), "leader");
        ProcessInstance pi = process(submitted);
        exceptions.review(submitted.id(), ReviewOutcome.APPROVE, null, "sre");
        assertThatThrownBy(() -> exceptions.approve(submitted.id(), true, "mine", "leader"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("someone else");
        assertThat(pi).isWaitingAt(APPROVE);
        exceptions.approve(submitted.id(), false, "Not without a timeline", "cto");
        assertThat(pi).isEnded().hasPassed(END_REJECTED);
        assertThat(exceptions.find(submitted.id()).status()).isEqualTo(ExceptionStatus.REJECTED);
    }

    @Test
    void reviewRejectionEndsTheProcess() {
        ExceptionView submitted = exceptions.submit(request("No", "2026-04-01", "2026-04-02"), "sre");
        ProcessInstance pi = process(submitted);
        exceptions.review(submitted.id(), ReviewOutcome.REJECT, "Customer impact is not minimal", "sre2");
        assertThat(pi).isEnded().hasPassed(END_REJECTED).hasNotPassed(APPROVE);
    }

    @Test
    void remindsAfterOneBusinessDayAndEscalatesToTheCtoAfterThree() {
        ExceptionView submitted = exceptions.submit(request("Slow review", "2026-04-01", "2026-04-02"), "leader");
        ProcessInstance pi = process(submitted);
        assertThat(job(REVIEW_REMINDER, pi)).hasDueDate(Date.from(Instant.parse("2026-03-04T10:00:00Z")));
        assertThat(job(REVIEW_ESCALATION, pi)).hasDueDate(Date.from(Instant.parse("2026-03-06T10:00:00Z")));
        TestClock.pin("2026-03-04T10:00:00Z");
        execute(job(REVIEW_REMINDER, pi));
        TestClock.pin("2026-03-06T10:00:00Z");
        execute(job(REVIEW_ESCALATION, pi));
        assertThat(notifications.find("sre2@sla-desk.example", null, 1000)).extracting(NotificationView::subject)
                .contains("Reminder: exception request #" + submitted.id() + " awaits SRE review");
        assertThat(notifications.find("cto@sla-desk.example", null, 1000)).extracting(NotificationView::subject)
                .anyMatch(s -> s.startsWith("Escalation: exception request #" + submitted.id()));
        assertThat(pi).isWaitingAt(REVIEW);
    }

    static ExceptionRequest request(String title, String from, String to) {
        ExceptionRequest.Criterion yes = new ExceptionRequest.Criterion(true, "yes");
        return new ExceptionRequest(title, "Quarter-end billing run", "Low: read-only", "Rollback in 5 minutes", yes,
                yes, yes, new ExceptionRequest.Criterion(true, "ends with the migration"), LocalDate.parse(from),
                LocalDate.parse(to));
    }

    private ProcessInstance process(ExceptionView view) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(view.id())).singleResult();
    }
}
