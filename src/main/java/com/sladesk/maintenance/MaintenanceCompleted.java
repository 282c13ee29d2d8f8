package com.sladesk.maintenance;

import com.sladesk.availability.OutageEvent;

/** A maintenance window's end time came: it is over. */
public record MaintenanceCompleted(long maintenanceId) implements OutageEvent {
}
