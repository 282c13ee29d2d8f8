package com.sladesk.incident;

import java.time.Instant;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** The incident was resolved at {@code resolvedAt} (which may be earlier than when it was recorded). */
public record IncidentResolved(long incidentId, Severity severity, Instant resolvedAt, Cause cause, String actor)
        implements OutageEvent, Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("resolve", "incident", incidentId, "cause " + cause + ", resolved at " + resolvedAt);
    }
}
