package com.sladesk.credit;

import java.time.Instant;
import java.time.YearMonth;
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
import com.sladesk.organisation.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The credit module with what it uses: an SRE's verification is announced, and audited from the event. */
@SlaDeskModuleTest(extraIncludes = "audit")
class CreditModuleTests {

    @Autowired
    CreditService credits;

    @Autowired
    Directory directory;

    @Autowired
    IncidentService incidents;

    @Autowired
    AuditTrail audit;

    @Test
    void aVerifiedClaimIsAnnouncedAuditedAndApplied(Scenario scenario) {
        TestClock.pin("2019-05-03T10:00:00Z"); // April 2019: a month no other test claims
        Instant start = Instant.parse("2019-04-10T00:00:00Z"); // twelve hours down: 98.3%, a 25% credit
        long outage = incidents.open(new NewIncident("Module drill: a long outage", null, Severity.P2, List.of("core"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), "sre").id();
        incidents.resolve(outage, start.plusSeconds(12 * 3600), Cause.INTERNAL, "sre");
        long globex = directory.findUser("globex").orElseThrow().organisationId();
        long id = credits.submit(globex, YearMonth.of(2019, 4), "Module drill claim", List.of(), "globex").id();
        scenario.stimulate(() -> credits.decide(id, true, "verified", "sre"))
                .andWaitForEventOfType(CreditDecided.class)
                .matching(event -> event.creditRequestId() == id)
                .toArriveAndVerify(event -> {
                    assertThat(event.approved()).isTrue();
                    assertThat(event.organisationId()).isEqualTo(globex);
                    assertThat(audit.latest("credit-request", String.valueOf(id), 5))
                            .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::detail)
                            .containsExactly(tuple("approve", "sre", "verified"));
                    assertThat(credits.find(id, globex).status()).isEqualTo(CreditStatus.APPLIED);
                });
    }
}
