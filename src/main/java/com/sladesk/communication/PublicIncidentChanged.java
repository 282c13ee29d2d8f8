package com.sladesk.communication;

import com.sladesk.audit.Audited;

/** An incident's public side was published, updated, or given its postmortem summary. */
public record PublicIncidentChanged(long incidentId, String action, String detail, String actor) implements Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry(action, "incident", incidentId, detail);
    }
}
