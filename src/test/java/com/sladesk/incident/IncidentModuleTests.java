package com.sladesk.incident;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import com.sladesk.SlaDeskModuleTest;
import com.sladesk.TestClock;
import com.sladesk.audit.AuditEntry;
import com.sladesk.audit.AuditTrail;
import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The incident module with only what it depends on: it announces what happened, and the audit
 * log, the availability engine and its own breach mail react to the events, without the incident
 * service calling any of them.
 */
@SlaDeskModuleTest(extraIncludes = { "audit", "availability" })
class IncidentModuleTests {

    @Autowired
    IncidentService incidents;

    @Autowired
    AuditTrail audit;

    @Autowired
    AvailabilityService availability;

    @Autowired
    Notifications notifications;

    @Test
    void anOpenedIncidentIsAnnouncedAndCountedAtOnce(Scenario scenario) {
        YearMonth month = YearMonth.of(2019, 2); // a month no other test uses
        TestClock.pin("2019-02-20T10:00:00Z");
        AvailabilityReport before = availability.month(month);
        Instant start = Instant.parse("2019-02-10T10:00:00Z");
        scenario.stimulate(() -> incidents.open(new NewIncident("Module drill: opened", null, Severity.P3,
                        List.of("core"), Environment.PRODUCTION, Impact.OUTAGE, start, null), "sre"))
                .andWaitForEventOfType(IncidentOpened.class)
                .matching(event -> event.openedAt().equals(start))
                .toArriveAndVerify((event, view) -> {
                    assertThat(event.incidentId()).isEqualTo(view.id());
                    assertThat(event.components()).containsExactly("core");
                    assertThat(availability.month(month).downtimeMinutes()).as("the engine forgot its answer")
                            .isGreaterThan(before.downtimeMinutes());
                    // an outage left open would count as downtime in every month since, for every other test
                    incidents.resolve(view.id(), start.plusSeconds(600), Cause.INTERNAL, "sre");
                });
    }

    @Test
    void aDecisionIsAuditedFromItsEvent(Scenario scenario) {
        long id = open("Module drill: acknowledged", Severity.P2);
        scenario.stimulate(() -> incidents.acknowledge(id, "sre2"))
                .andWaitForEventOfType(IncidentAcknowledged.class)
                .matching(event -> event.incidentId() == id)
                .toArriveAndVerify(event -> assertThat(audit.latest("incident", String.valueOf(id), 5))
                        .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::detail)
                        .containsExactly(tuple("acknowledge", "sre2",
                                "Module drill: acknowledged")));
    }

    @Test
    void aBreachIsMailedFromItsEventWithTheRecordOfIt(Scenario scenario) {
        long id = open("Module drill: breached", Severity.P1);
        scenario.stimulate(() -> incidents.recordSlaEvent(id, SlaTarget.RESPONSE, SlaEventKind.BREACH))
                .andWaitForEventOfType(SlaEventRecorded.class)
                .matching(event -> event.incidentId() == id && event.kind() == SlaEventKind.BREACH)
                .toArriveAndVerify(event -> assertThat(notifications.find("sre-lead@sla-desk.example", null, 200))
                        .extracting(NotificationView::subject)
                        .contains("[P1] SLA BREACH: incident #" + id
                                + " missed its response target: Module drill: breached"));
    }

    @Test
    void aWarningIsMailedToEverySreFromItsEvent(Scenario scenario) {
        long id = open("Module drill: warned", Severity.P2);
        scenario.stimulate(() -> incidents.recordSlaEvent(id, SlaTarget.RESOLUTION, SlaEventKind.WARNING))
                .andWaitForEventOfType(SlaEventRecorded.class)
                .matching(event -> event.incidentId() == id)
                .toArriveAndVerify(event -> assertThat(notifications.find("sre@sla-desk.example", null, 200))
                        .filteredOn(n -> n.subject().contains("#" + id + " resolution breaching soon")).hasSize(1));
    }

    private long open(String title, Severity severity) {
        return incidents.open(new NewIncident(title, null, severity, List.of("core"), Environment.PRODUCTION,
                Impact.DEGRADED, null, null), "sre").id();
    }
}
