package com.sladesk.maintenance;

/**
 * SLA section 3, "Scheduled Maintenance", as people read it: the standard window (for example
 * "Sunday 02:00–04:00 UTC"), the notice it needs in days, and the notice emergency maintenance
 * needs in hours. Taken from the rules that decide, so pages never restate them.
 */
public record MaintenancePolicy(String standardWindow, long standardNoticeDays, long emergencyNoticeHours) {
}
