package com.sladesk.maintenance;

import java.time.Instant;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** A maintenance window moved to a new time. */
public record MaintenanceRescheduled(long maintenanceId, Instant startsAt, Instant endsAt, String actor)
        implements OutageEvent, Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("reschedule", "maintenance", maintenanceId, startsAt + " – " + endsAt);
    }
}
