package com.sladesk.maintenance;

import java.time.Instant;
import java.util.List;

/** What it takes to schedule a window. */
public record NewMaintenance(String title, String description, MaintenanceType type, Instant startsAt, Instant endsAt,
        List<String> components, List<Activity> activities, Long incidentId) {
}
