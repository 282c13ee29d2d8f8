package com.sladesk.postmortem;

import com.sladesk.audit.Audited;

/** A postmortem was drafted, edited, submitted, approved or sent back, or one of its action items changed. */
public record PostmortemChanged(long incidentId, String action, String detail, String actor) implements Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry(action, "postmortem", incidentId, detail);
    }
}
