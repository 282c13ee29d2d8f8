package com.sladesk.maintenance;

import java.time.Instant;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** A maintenance window moved to a new time. */
public record MaintenanceRescheduled(long maintenanceId, Instant startsAt, Instant endsAt, String actor)
        implements OutageEvent, Audited {

    @Override
    public String auditAction() {
        return "reschedule";
    }

    @Override
    public String auditSubjectType() {
        return "maintenance";
    }

    @Override
    public long auditSubjectId() {
        return maintenanceId;
    }

    @Override
    public String auditDetail() {
        return startsAt + " – " + endsAt;
    }
}
