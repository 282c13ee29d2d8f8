package com.sladesk.change;

import com.sladesk.audit.Audited;

/** The CTO approved or rejected a change that the error-budget policy sent to them. */
public record ChangeDecided(long changeId, boolean approved, String comment, String actor) implements Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry(approved ? "approve" : "reject", "change", changeId, comment);
    }
}
