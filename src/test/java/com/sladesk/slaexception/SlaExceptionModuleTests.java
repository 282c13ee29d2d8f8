package com.sladesk.slaexception;

import java.time.LocalDate;

import com.sladesk.SlaDeskModuleTest;
import com.sladesk.TestClock;
import com.sladesk.audit.AuditEntry;
import com.sladesk.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The exception module: a review and a decision are announced, and audited from their events. */
@SlaDeskModuleTest(extraIncludes = "audit")
class SlaExceptionModuleTests {

    @Autowired
    SlaExceptionService exceptions;

    @Autowired
    AuditTrail audit;

    @Test
    void aReviewAndADecisionAreAnnouncedAndAudited(Scenario scenario) {
        TestClock.pin("2019-06-03T10:00:00Z");
        long id = exceptions.submit(request(), "sre").id();
        scenario.stimulate(() -> exceptions.review(id, ReviewOutcome.APPROVE, "Looks safe", "sre2"))
                .andWaitForEventOfType(ExceptionReviewed.class)
                .matching(event -> event.exceptionId() == id)
                .toArriveAndVerify(event -> assertThat(event.outcome()).isEqualTo(ReviewOutcome.APPROVE));
        scenario.stimulate(() -> exceptions.approve(id, false, "Not now", "leader"))
                .andWaitForEventOfType(ExceptionDecided.class)
                .matching(event -> event.exceptionId() == id)
                .toArriveAndVerify(event -> assertThat(audit.latest("sla-exception", String.valueOf(id), 5))
                        .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::detail)
                        .containsExactly(tuple("reject", "leader", "Not now"), tuple("review-approve", "sre2", "Looks safe")));
    }

    private static ExceptionRequest request() {
        return new ExceptionRequest("Module drill: freeze the API", "A launch", "Low", "Rollback ready",
                new ExceptionRequest.Criterion(true, "launch"), new ExceptionRequest.Criterion(true, "manual"),
                new ExceptionRequest.Criterion(true, "none"), new ExceptionRequest.Criterion(true, "a week"),
                LocalDate.of(2019, 6, 10), LocalDate.of(2019, 6, 14));
    }
}
