package com.sladesk.incident;

import java.time.Duration;
import java.time.Instant;

import com.sladesk.availability.SlaPolicyVersions;
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
    private final SlaPolicyVersions versions;

    SlaTargets(IncidentProperties properties, BusinessCalendar calendar, SlaPolicyVersions versions) {
        this.properties = properties;
        this.calendar = calendar;
        this.versions = versions;
    }

    DueTimes dueTimes(Severity severity, Instant openedAt, Duration pausedResolutionTime) {
        IncidentProperties.Targets t = properties.targets().get(severity);
        // the SLA policy version in force when the incident opened may have calibrated the durations
        Duration respond = t.respond();
        Duration resolve = t.resolve();
        String calibrated = versions.at(openedAt).responseTargets().get(severity.name());
        if (calibrated != null) {
            String[] both = calibrated.split("/");
            respond = Duration.parse(both[0]);
            resolve = Duration.parse(both[1]);
        }
        return new DueTimes(
                calendar.plus(openedAt, warning(respond), t.respondClock()),
                calendar.plus(openedAt, respond, t.respondClock()),
                calendar.plus(openedAt, warning(resolve).plus(pausedResolutionTime), t.resolveClock()),
                calendar.plus(openedAt, resolve.plus(pausedResolutionTime), t.resolveClock()));
    }

    String configured(Severity severity) {
        IncidentProperties.Targets t = properties.targets().get(severity);
        return t.respond() + "/" + t.resolve();
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
