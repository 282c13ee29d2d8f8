package com.sladesk.incident;

import java.time.Instant;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** An SRE acknowledged the incident: the response clock stopped. */
public record IncidentAcknowledged(long incidentId, String title, Instant acknowledgedAt, String actor)
        implements IncidentEvent, OutageEvent, Audited {

    @Override
    public String auditAction() {
        return "acknowledge";
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
        return title;
    }
}
