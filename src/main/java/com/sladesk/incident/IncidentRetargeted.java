package com.sladesk.incident;

import com.sladesk.audit.Audited;
import com.sladesk.availability.OutageEvent;

/** The incident's severity changed, and with it its response and resolution targets. */
public record IncidentRetargeted(long incidentId, Severity before, Severity after, String actor)
        implements OutageEvent, Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("change-severity", "incident", incidentId, before + " → " + after);
    }
}
