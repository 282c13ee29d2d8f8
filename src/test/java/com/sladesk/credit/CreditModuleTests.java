package com.sladesk.credit;

import java.time.YearMonth;
import java.util.List;

import com.sladesk.SlaDeskModuleTest;
import com.sladesk.TestClock;
import com.sladesk.audit.AuditEntry;
import com.sladesk.audit.AuditTrail;
import com.sladesk.organisation.Directory;
import org.junit.jupiter.api.AfterEach;
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
    AuditTrail audit;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void aVerifiedClaimIsAnnouncedAuditedAndApplied(Scenario scenario) {
        TestClock.pin("2019-05-03T10:00:00Z"); // April 2019: a month no other test claims
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
