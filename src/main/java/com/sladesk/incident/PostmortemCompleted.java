package com.sladesk.incident;

import com.sladesk.audit.Audited;

/** The postmortem of a P1 incident was written. */
public record PostmortemCompleted(long incidentId, String actor) implements Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("complete-postmortem", "incident", incidentId, null);
    }
}
