package com.sladesk.incident;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.sladesk.calendar.SlaClock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The response and resolution targets per severity, and who hears of breaches. Durations on the
 * BUSINESS clock are business time: one business day is PT8H with the SLA's calendar.
 */
@ConfigurationProperties("sladesk.incident")
record IncidentProperties(Map<Severity, Targets> targets, @DefaultValue("0.75") double warningFraction,
        @DefaultValue("sre-lead@sla-desk.example") String sreLeadEmail,
        @DefaultValue("PT40H") Duration postmortemDue) {

    IncidentProperties {
        Map<Severity, Targets> complete = new EnumMap<>(Severity.class);
        complete.putAll(defaults());
        if (targets != null) {
            complete.putAll(targets);
        }
        targets = Map.copyOf(complete);
        if (warningFraction <= 0 || warningFraction >= 1) {
            throw new IllegalArgumentException("sladesk.incident.warning-fraction must be between 0 and 1");
        }
    }

    /** The warning point as a whole percentage of a target, for people to read ("75"). */
    String warningPercent() {
        return BigDecimal.valueOf(warningFraction * 100).stripTrailingZeros().toPlainString();
    }

    /** The SLA's "Support Response Times" table (section 2). */
    static Map<Severity, Targets> defaults() {
        return Map.of(
                Severity.P1, new Targets(Duration.ofHours(1), SlaClock.CALENDAR, Duration.ofHours(4), SlaClock.CALENDAR),
                Severity.P2, new Targets(Duration.ofHours(4), SlaClock.CALENDAR, Duration.ofHours(8), SlaClock.BUSINESS),
                Severity.P3, new Targets(Duration.ofHours(8), SlaClock.CALENDAR, Duration.ofHours(16), SlaClock.BUSINESS),
                Severity.P4, new Targets(Duration.ofHours(24), SlaClock.CALENDAR, Duration.ofDays(7), SlaClock.CALENDAR));
    }


    record Targets(Duration respond, SlaClock respondClock, Duration resolve, SlaClock resolveClock) {
    }
}
