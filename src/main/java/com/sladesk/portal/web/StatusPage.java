package com.sladesk.portal.web;

import com.sladesk.availability.AvailabilityStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the public status page shows, as the page and {@code /status.json} carry it: nothing internal. */
record StatusPage(String overall, String overallLabel, Instant generatedAt, List<ComponentStatus> components,
        List<ActiveIncident> activeIncidents, List<Maintenance> maintenance) {

    record ComponentStatus(String code, String name, String state, BigDecimal uptime90DaysPercent, List<Day> days) {
    }

    record Day(LocalDate date, BigDecimal availabilityPercent, AvailabilityStatus status) {
    }

    record ActiveIncident(long id, String title, String severity, String impact, List<String> components,
            Instant startedAt, String latestUpdate, Instant latestUpdateAt) {
    }

    record Maintenance(long id, String title, String type, String status, Instant startsAt, Instant endsAt,
            List<String> components) {
    }
}
