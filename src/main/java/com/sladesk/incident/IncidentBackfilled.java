package com.sladesk.incident;

import java.time.Instant;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** An incident that was already over was recorded in one step, opened and resolved in the past. */
public record IncidentBackfilled(long incidentId, Instant openedAt, Instant resolvedAt, Cause cause, String actor)
        implements OutageEvent, Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("backfill", "incident", incidentId,
                "opened at " + openedAt + ", resolved at " + resolvedAt + ", cause " + cause);
    }
}
