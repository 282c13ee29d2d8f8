package com.sladesk.incident;

import java.time.Instant;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** The incident was resolved at {@code resolvedAt} (which may be earlier than when it was recorded). */
public record IncidentResolved(long incidentId, Severity severity, Instant resolvedAt, Cause cause, String actor)
        implements IncidentEvent, OutageEvent, Audited {

    @Override
    public String auditAction() {
        return "resolve";
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
        return "cause " + cause + ", resolved at " + resolvedAt;
    }
}
