package com.sladesk.incident;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** The incident waits for the customer: its resolution clock stopped. */
public record IncidentPaused(long incidentId, String actor) implements IncidentEvent, OutageEvent, Audited {

    @Override
    public String auditAction() {
        return "pause";
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
        return "waiting for customer";
    }
}
