package com.sladesk.incident;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** The incident waits for the customer: its resolution clock stopped. */
public record IncidentPaused(long incidentId, String actor) implements OutageEvent, Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("pause", "incident", incidentId, "waiting for customer");
    }
}
