package com.sladesk.maintenance;

import java.time.Instant;
import java.util.List;

/** A maintenance window as the API, pages and feeds show it. */
public record MaintenanceView(long id, String title, String description, MaintenanceType type,
        MaintenanceStatus status, Instant startsAt, Instant endsAt, Instant announcedAt, List<String> components,
        List<Activity> activities, Long incidentId, String cancelReason, String icalUid, int icalSequence,
        String createdBy) {
}
