package com.sladesk.incident;

import java.time.Instant;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** An SRE acknowledged the incident: the response clock stopped. */
public record IncidentAcknowledged(long incidentId, String title, Instant acknowledgedAt, String actor)
        implements OutageEvent, Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("acknowledge", "incident", incidentId, title);
    }
}
