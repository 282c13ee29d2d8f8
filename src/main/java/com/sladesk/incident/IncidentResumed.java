package com.sladesk.incident;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** The customer answered: the incident's resolution clock runs again. */
public record IncidentResumed(long incidentId, String actor) implements IncidentEvent, OutageEvent, Audited {

    @Override
    public String auditAction() {
        return "resume";
    }

    @Override
    public String auditSubjectType() {
        return "incident";
    }

    @Override
    public long auditSubjectId() {
        return incidentId;
    }

    @Override
    public String auditDetail() {
        return "customer answered";
    }
}
