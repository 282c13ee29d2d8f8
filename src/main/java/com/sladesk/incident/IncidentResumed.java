package com.sladesk.incident;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** The customer answered: the incident's resolution clock runs again. */
public record IncidentResumed(long incidentId, String actor) implements OutageEvent, Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("resume", "incident", incidentId, "customer answered");
    }
}
