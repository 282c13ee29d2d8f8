package com.sladesk.maintenance;

import java.time.Instant;

import com.sladesk.availability.OutageEvent;

/** A maintenance window was scheduled; its process announces it. */
public record MaintenanceScheduled(long maintenanceId, MaintenanceType type, Instant startsAt, Instant endsAt,
        String actor) implements OutageEvent {
}
