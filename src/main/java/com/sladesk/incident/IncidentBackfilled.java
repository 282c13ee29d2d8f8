package com.sladesk.incident;

import java.time.Instant;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** An incident that was already over was recorded in one step, opened and resolved in the past. */
public record IncidentBackfilled(long incidentId, Instant openedAt, Instant resolvedAt, Cause cause, String actor)
        implements IncidentEvent, OutageEvent, Audited {

    @Override
    public String auditAction() {
        return "backfill";
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
        return "opened at " + openedAt + ", resolved at " + resolvedAt + ", cause " + cause;
    }
}
