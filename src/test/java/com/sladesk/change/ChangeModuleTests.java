package com.sladesk.change;

import java.time.Instant;
import java.util.List;

import com.sladesk.SlaDeskModuleTest;
import com.sladesk.TestClock;
import com.sladesk.audit.AuditEntry;
import com.sladesk.audit.AuditTrail;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The change module with what it uses: the CTO's decision is announced, and audited from the event. */
@SlaDeskModuleTest(extraIncludes = "audit")
class ChangeModuleTests {

    @Autowired
    ChangeService changes;

    @Autowired
    IncidentService incidents;

    @Autowired
    AuditTrail audit;

    @Test
    void theCtosDecisionIsAnnouncedAndAudited(Scenario scenario) {
        TestClock.pin("2019-09-20T10:00:00Z"); // September 2019: a month no other test uses
        Instant start = Instant.parse("2019-09-02T10:00:00Z");
        long outage = incidents.open(new NewIncident("Module drill: budget spent", null, Severity.P2, List.of("core"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), "sre").id();
        incidents.resolve(outage, start.plusSeconds(3000), Cause.INTERNAL, "sre");
        long p1 = incidents.open(new NewIncident("Module drill: checkout down", null, Severity.P1, List.of("api"),
                Environment.PRODUCTION, Impact.DEGRADED, null, null), "sre").id();
        ChangeView fix = changes.request("Fix checkout", null, ChangeKind.FIX, p1, null, "sre");
        assertThat(fix.decision()).isEqualTo(ChangeDecision.PENDING_CTO_APPROVAL);

        scenario.stimulate(() -> changes.decide(fix.id(), true, "Ship it", "cto"))
                .andWaitForEventOfType(ChangeDecided.class)
                .matching(event -> event.changeId() == fix.id())
                .toArriveAndVerify(event -> {
                    assertThat(event.approved()).isTrue();
                    assertThat(audit.latest("change", String.valueOf(fix.id()), 5))
                            .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::detail)
                            .containsExactly(tuple("approve", "cto", "Ship it"));
                });
    }
}
