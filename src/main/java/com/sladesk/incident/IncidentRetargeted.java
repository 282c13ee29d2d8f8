package com.sladesk.incident;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** The incident's severity changed, and with it its response and resolution targets. */
public record IncidentRetargeted(long incidentId, Severity before, Severity after, String actor)
        implements IncidentEvent, OutageEvent, Audited {

    @Override
    public String auditAction() {
        return "change-severity";
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
        return before + " → " + after;
    }
}
