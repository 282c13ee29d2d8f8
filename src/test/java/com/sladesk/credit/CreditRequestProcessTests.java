package com.sladesk.credit;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;

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
import com.sladesk.organisation.Directory;
import com.sladesk.system.ConflictException;
import com.sladesk.system.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.sladesk.credit.CreditRequestProcess.*;
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
 * The credit-request process on hand-computed months. Each test claims its own month in 2025,
 * so no other test's incidents fall into it.
 */
@SlaDeskTest
@Tag("clock")
class CreditRequestProcessTests {

    @Autowired
    ProcessEngine engine;

    @Autowired
    CreditService credits;

    @Autowired
    IncidentService incidents;

    @Autowired
    Directory directory;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcTemplate jdbc;

    long acme;
    long globex;

    @BeforeEach
    void setUp() {
        init(engine);
        acme = directory.findOrganisationByName("Acme Corp").orElseThrow().id();
        globex = directory.findOrganisationByName("Globex").orElseThrow().id();
    }

    @AfterEach
    void tearDown() {
        TestClock.runFromStart();
        reset();
    }

    @Test
    void approvedClaimIsComputedVerifiedAndAppliedToTheNextInvoice() {
        TestClock.pin("2025-07-02T10:00:00Z"); // a Wednesday
        // 12 hours down in June 2025 (30 days): 100 - 720 × 100 / 43200 = 98.333…% → 25%
        outage("2025-06-10T00:00:00Z", "2025-06-10T12:00:00Z", Cause.INTERNAL);
        // excluded: a third-party outage the same month
        outage("2025-06-20T00:00:00Z", "2025-06-20T06:00:00Z", Cause.THIRD_PARTY);

        CreditRequestView claim = credits.submit(acme, YearMonth.of(2025, 6), "Checkout down on 10 June", List.of(), "acme");

        assertThat(claim.status()).isEqualTo(CreditStatus.SUBMITTED);
        assertThat(claim.availabilityPercent()).isEqualByComparingTo("98.333");
        assertThat(claim.downtimeMinutes()).isEqualByComparingTo("720.0");
        assertThat(claim.excludedMinutes()).isEqualByComparingTo("360.0");
        assertThat(claim.creditPercent()).isEqualTo(25);
        assertThat(claim.creditAmount()).isEqualByComparingTo("2500.00");
        assertThat(claim.currency()).isEqualTo("USD");
        ProcessInstance pi = process(claim);
        assertThat(pi).isWaitingAt(VERIFY);
        Task task = taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task).hasCandidateGroup("sre");
        assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2025-07-04T10:00:00Z")));
        assertThat(subjectsTo("ops@acme.example", claim)).contains("Credit request #" + claim.id() + " for 2025-06 received");

        TestClock.pin("2025-07-03T09:30:00Z");
        CreditRequestView applied = credits.decide(claim.id(), true, null, "sre");

        assertThat(applied.status()).isEqualTo(CreditStatus.APPLIED);
        assertThat(applied.appliedAt()).isEqualTo(Instant.parse("2025-07-03T09:30:00Z"));
        assertThat(applied.decidedBy()).isEqualTo("sre");
        assertThat(pi).isEnded().hasPassed(END_APPLIED);
        assertThat(jdbc.queryForMap("select amount, currency, invoice_month from credit_ledger where credit_request_id = ?",
                claim.id())).containsEntry("invoice_month", "2025-08");
        assertThat(credits.ledger()).anySatisfy(e -> {
            assertThat(e.creditRequestId()).isEqualTo(claim.id());
            assertThat(e.amount()).isEqualByComparingTo("2500.00");
        });
        assertThat(subjectsTo("ops@acme.example", claim))
                .contains("SLA credit request #" + claim.id() + " for 2025-06 approved: 2500.00 USD");
        assertThatThrownBy(() -> credits.decide(claim.id(), false, "again", "sre2")).isInstanceOf(ConflictException.class);
    }

    @Test
    void rejectedClaimCarriesItsReasonToTheCustomer() {
        TestClock.pin("2025-06-03T10:00:00Z");
        CreditRequestView claim = credits.submit(globex, YearMonth.of(2025, 5), "Slow in May", List.of(), "globex");
        ProcessInstance pi = process(claim);
        assertThat(claim.availabilityPercent()).isEqualByComparingTo("100.000");
        assertThat(claim.creditPercent()).isZero();
        assertThatThrownBy(() -> credits.decide(claim.id(), true, null, "sre")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("earns no credit");
        assertThatThrownBy(() -> credits.decide(claim.id(), false, " ", "sre"))
                .isInstanceOf(InvalidInputException.class);

        CreditRequestView rejected = credits.decide(claim.id(), false, "No downtime was measured in May.", "sre");

        assertThat(rejected.status()).isEqualTo(CreditStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo("No downtime was measured in May.");
        assertThat(pi).isEnded().hasPassed(END_REJECTED);
        assertThat(notifications.find("it@globex.example", null, 50)).anySatisfy(n ->
                assertThat(n.subject()).contains("2025-05 rejected"));
        assertThat(jdbc.queryForObject("select count(*) from credit_ledger where credit_request_id = ?", Long.class,
                claim.id())).isZero();
    }

    @Test
    void remindsAfterOneBusinessDayAndEscalatesToLeadershipAfterTwo() {
        TestClock.pin("2025-05-02T10:00:00Z"); // Friday
        CreditRequestView claim = credits.submit(acme, YearMonth.of(2025, 4), "April outage", List.of(), "acme");
        ProcessInstance pi = process(claim);
        assertThat(job(REMINDER_DUE, pi)).hasDueDate(Date.from(Instant.parse("2025-05-05T10:00:00Z")));
        assertThat(job(DECISION_OVERDUE, pi)).hasDueDate(Date.from(Instant.parse("2025-05-06T10:00:00Z")));

        TestClock.pin("2025-05-05T10:00:00Z");
        execute(job(REMINDER_DUE, pi));
        assertThat(notifications.find("sre@sla-desk.example", null, 500)).anySatisfy(n ->
                assertThat(n.subject()).isEqualTo("Reminder: credit request #" + claim.id() + " awaits verification"));

        TestClock.pin("2025-05-06T10:00:00Z");
        execute(job(DECISION_OVERDUE, pi));
        assertThat(notifications.find("leader@sla-desk.example", null, 500)).anySatisfy(n ->
                assertThat(n.subject()).startsWith("Escalation: credit request #" + claim.id()));
        assertThat(credits.find(claim.id(), null).escalatedAt()).isEqualTo(Instant.parse("2025-05-06T10:00:00Z"));
        assertThat(pi).isWaitingAt(VERIFY);
    }

    private void outage(String from, String to, Cause cause) {
        IncidentView incident = incidents.open(new NewIncident("Outage " + from, null, Severity.P1, List.of("core"),
                Environment.PRODUCTION, Impact.OUTAGE, Instant.parse(from), null), "sre");
        incidents.resolve(incident.id(), Instant.parse(to), cause, "sre");
    }

    private List<String> subjectsTo(String recipient, CreditRequestView claim) {
        return notifications.find(recipient, null, 500).stream().map(NotificationView::subject)
                .filter(s -> s.contains("#" + claim.id() + " ")).toList();
    }

    private ProcessInstance process(CreditRequestView claim) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(claim.id())).singleResult();
    }

}
