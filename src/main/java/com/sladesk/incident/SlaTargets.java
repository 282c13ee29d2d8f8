package com.sladesk.incident;

import java.time.Duration;
import java.time.Instant;

import com.sladesk.calendar.BusinessCalendar;
import com.sladesk.calendar.SlaClock;
import org.springframework.stereotype.Component;

/**
 * The one place that turns a severity and an opening time into due times: SLA section 2,
 * "Support Response Times" (respond within / resolve within, per severity, on the 24×7 or the
 * business clock), warnings at 75% of each target, and the resolution due time moved by the time
 * spent waiting for the customer.
 */
@Component
class SlaTargets {

    private final IncidentProperties properties;
    private final BusinessCalendar calendar;

    SlaTargets(IncidentProperties properties, BusinessCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    DueTimes dueTimes(Severity severity, Instant openedAt, Duration pausedResolutionTime) {
        IncidentProperties.Targets t = properties.targets().get(severity);
        return new DueTimes(
                calendar.plus(openedAt, warning(t.respond()), t.respondClock()),
                calendar.plus(openedAt, t.respond(), t.respondClock()),
                calendar.plus(openedAt, warning(t.resolve()).plus(pausedResolutionTime), t.resolveClock()),
                calendar.plus(openedAt, t.resolve().plus(pausedResolutionTime), t.resolveClock()));
    }

    /** How much of a pause from {@code from} to {@code to} counts against the resolution clock of a severity. */
    Duration pausedTime(Severity severity, Instant from, Instant to) {
        return calendar.between(from, to, properties.targets().get(severity).resolveClock());
    }

    /** A P1 postmortem is due five business days after resolution. */
    Instant postmortemDue(Instant resolvedAt) {
        return calendar.plus(resolvedAt, properties.postmortemDue(), SlaClock.BUSINESS);
    }

    private Duration warning(Duration target) {
        return Duration.ofMillis(Math.round(target.toMillis() * properties.warningFraction()));
    }

    record DueTimes(Instant responseWarnAt, Instant responseDueAt, Instant resolutionWarnAt, Instant resolutionDueAt) {
    }
}
