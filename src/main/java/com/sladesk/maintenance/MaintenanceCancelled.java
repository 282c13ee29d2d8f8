package com.sladesk.maintenance;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** A maintenance window was cancelled: it excludes nothing from downtime any more. */
public record MaintenanceCancelled(long maintenanceId, String reason, String actor) implements OutageEvent, Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("cancel", "maintenance", maintenanceId, reason);
    }
}
