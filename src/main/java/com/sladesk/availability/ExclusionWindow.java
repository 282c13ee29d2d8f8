package com.sladesk.availability;

import java.time.Instant;

/** A window during which outages do not count: a properly announced maintenance window. */
public record ExclusionWindow(long maintenanceId, Instant start, Instant end, String reason) {
}
