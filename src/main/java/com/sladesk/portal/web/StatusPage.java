package com.sladesk.portal.web;

import com.sladesk.availability.AvailabilityStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the public status page shows, as the page and {@code /status.json} carry it: nothing
 * internal. {@code state} is the coarse state (operational, under_maintenance, degraded, outage),
 * {@code status} the one the public updates give (operational, under_maintenance,
 * degraded_performance, partial_outage, major_outage).
 */
record StatusPage(String overall, String overallLabel, String overallStatus, Instant generatedAt,
        List<ComponentStatus> components, List<Group> groups, List<ActiveIncident> activeIncidents,
        List<Maintenance> maintenance) {

    record ComponentStatus(String code, String name, String group, String state, String status,
            BigDecimal uptime90DaysPercent, List<Day> days) {
    }

    /** A component group, shown collapsible with its worst status; {@code components} are codes. */
    record Group(String name, String state, String status, List<String> components) {
    }

    record Day(LocalDate date, BigDecimal availabilityPercent, AvailabilityStatus status) {
    }

    /**
     * A published incident not resolved: its public title and status, the worst impact
     * ({@code impact}, coarse: outage or degraded), each component's impact, its latest update.
     */
    record ActiveIncident(long id, String title, String severity, String impact, List<String> components,
            Instant startedAt, String latestUpdate, Instant latestUpdateAt, String status, String url,
            List<AffectedComponent> componentImpacts) {
    }

    record AffectedComponent(String code, String name, String impact) {
    }

    record Maintenance(long id, String title, String type, String status, Instant startsAt, Instant endsAt,
            List<String> components) {
    }
}
