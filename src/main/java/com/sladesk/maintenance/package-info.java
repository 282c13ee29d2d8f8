/**
 * SLA section 3, "Scheduled Maintenance": windows checked against the notice rules, announced,
 * reminded, started and completed by the {@code maintenance-notification} process, with an
 * iCalendar attachment on every notice, and the status page's subscribers.
 */
@ApplicationModule(displayName = "Scheduled maintenance")
package com.sladesk.maintenance;

import org.springframework.modulith.ApplicationModule;
