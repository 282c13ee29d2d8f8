package com.sladesk.incident;

import com.sladesk.audit.Audited;

/** The postmortem of a P1 incident was written. */
public record PostmortemCompleted(long incidentId, String actor) implements IncidentEvent, Audited {

    @Override
    public String auditAction() {
        return "complete-postmortem";
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
        return null;
    }
}
