package com.sladesk.maintenance;

import com.sladesk.availability.OutageEvent;

/** A maintenance window's start time came: it is in progress. */
public record MaintenanceStarted(long maintenanceId) implements OutageEvent {
}
