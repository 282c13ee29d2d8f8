package com.sladesk.slaexception;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.BudgetPolicy;
import com.sladesk.availability.Exclusion;
import com.sladesk.change.ChangeDecision;
import com.sladesk.change.ChangeKind;
import com.sladesk.change.ChangeService;
import com.sladesk.change.ChangeView;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An approved exception takes effect: in April 2014 (a month no other test touches; 43.2-minute
 * budget) 40 minutes of outage put the tier at FREEZE; an exception for 10–20 April exempts a
 * named 5-minute outage and a window that a 20-minute outage falls into, and lifts the freeze
 * for one named change. The budget shows both exempted and marked; a customer's month, and so a
 * credit, still counts all 65 minutes; after the end date the named change is frozen again.
 */
@SlaDeskTest
@Tag("clock")
class ExceptionScopeTests {

    @Autowired
    SlaExceptionService exceptions;

    @Autowired
    IncidentService incidents;

    @Autowired
    AvailabilityService availability;

    @Autowired
    ChangeService changes;

    @AfterEach
    void tearDown() {
        TestClock.runFromStart();
    }

    @Test
    void anApprovedExceptionExemptsItsScopeFromTheBudgetAndTheFreezeButNeverFromCredits() {
        YearMonth april = YearMonth.of(2014, 4);
        TestClock.pin("2014-04-12T10:00:00Z");
        outage("2014-04-02T10:00:00Z", 40);
        IncidentView named = outage("2014-04-05T10:00:00Z", 5);
        assertThat(availability.month(april).policy()).isEqualTo(BudgetPolicy.EXHAUSTED);

        // bad scopes are refused, naming the field
        assertThatThrownBy(() -> exceptions.submit(request(new ExceptionRequest.Scope(List.of("no-such"), List.of(), null, null,
                List.of()), true), "sre")).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "scope.components");
        assertThatThrownBy(() -> exceptions.submit(request(new ExceptionRequest.Scope(List.of(), List.of(99_999_999L), null,
                null, List.of()), true), "sre")).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "scope.incidentIds");
        assertThatThrownBy(() -> exceptions.submit(request(new ExceptionRequest.Scope(List.of("api"), List.of(),
                Instant.parse("2014-04-25T10:00:00Z"), Instant.parse("2014-04-25T11:00:00Z"), List.of()), true), "sre"))
                .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("field", "scope.windowStart");

        ExceptionRequest.Scope scope = new ExceptionRequest.Scope(List.of("api"), List.of(named.id()),
                Instant.parse("2014-04-15T10:00:00Z"), Instant.parse("2014-04-15T11:00:00Z"), List.of("Data migration"));
        // leadership cannot approve while a criterion lacks its yes or its comment
        ExceptionView weak = exceptions.submit(request(scope, false), "sre");
        exceptions.review(weak.id(), ReviewOutcome.APPROVE, "ok", "sre2");
        assertThatThrownBy(() -> exceptions.approve(weak.id(), true, "go", "leader")).isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("field", "criteria.clearTimeline");
        exceptions.approve(weak.id(), false, "no timeline", "leader");
        assertThat(availability.month(april).downtimeMinutes()).isEqualByComparingTo("45.0");

        ExceptionView exception = exceptions.submit(request(scope, true), "sre");
        exceptions.review(exception.id(), ReviewOutcome.APPROVE, "ok", "sre2");
        assertThat(changes.request("Data migration", null, ChangeKind.FEATURE, null, null, "sre").decision())
                .as("not approved yet: no effect").isEqualTo(ChangeDecision.BLOCKED);
        exceptions.approve(exception.id(), true, "go", "leader");

        // the named outage no longer counts against the budget: 40 of 43.2 minutes, FREEZE
        AvailabilityReport afterApproval = availability.month(april);
        assertThat(afterApproval.downtimeMinutes()).isEqualByComparingTo("40.0");
        assertThat(afterApproval.policy()).isEqualTo(BudgetPolicy.FREEZE);
        assertThat(afterApproval.exclusions()).anySatisfy(e -> {
            assertThat(e.incidentId()).isEqualTo(named.id());
            assertThat(e.reason()).isEqualTo("exempted by exception " + exception.id());
            assertThat(e.minutes()).isEqualByComparingTo("5.0");
        });

        // the named change passes the freeze, another does not
        ChangeView migration = changes.request("Data migration", null, ChangeKind.FEATURE, null, null, "sre");
        assertThat(migration.decision()).isEqualTo(ChangeDecision.APPROVED);
        assertThat(migration.reason()).contains("SLA exception #" + exception.id());
        assertThat(changes.request("Another feature", null, ChangeKind.FEATURE, null, null, "sre").decision())
                .isEqualTo(ChangeDecision.BLOCKED);

        // an outage inside the window on its component is exempted too
        TestClock.pin("2014-04-16T10:00:00Z");
        IncidentView inWindow = outage("2014-04-15T10:00:00Z", 20);
        AvailabilityReport withWindow = availability.month(april);
        assertThat(withWindow.downtimeMinutes()).isEqualByComparingTo("40.0");
        assertThat(withWindow.exclusions()).extracting(Exclusion::incidentId).contains(inWindow.id());

        // credits are never reduced by an exception: a customer's month counts all 65 minutes
        assertThat(availability.monthFor(april, List.of("api"), new BigDecimal("99.9")).month().downtimeMinutes())
                .isEqualByComparingTo("65.0");

        // after its end date the exception lifts nothing
        TestClock.pin("2014-04-25T10:00:00Z");
        assertThat(changes.request("Data migration", null, ChangeKind.FEATURE, null, null, "sre").decision())
                .isEqualTo(ChangeDecision.BLOCKED);
    }

    private IncidentView outage(String from, int minutes) {
        Instant start = Instant.parse(from);
        return incidents.backfill(new NewIncident("Scoped outage " + System.nanoTime(), null, Severity.P4, List.of("api"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), start.plus(Duration.ofMinutes(minutes)),
                Cause.INTERNAL, "sre");
    }

    private static ExceptionRequest request(ExceptionRequest.Scope scope, boolean timeline) {
        ExceptionRequest.Criterion yes = new ExceptionRequest.Criterion(true, "yes, see the plan");
        return new ExceptionRequest("Data migration " + System.nanoTime(), "Quarter-end migration", "Low", "Rollback",
                yes, yes, yes, new ExceptionRequest.Criterion(timeline, timeline ? "ends on the 20th" : null),
                LocalDate.parse("2014-04-10"), LocalDate.parse("2014-04-20"), scope);
    }
}
