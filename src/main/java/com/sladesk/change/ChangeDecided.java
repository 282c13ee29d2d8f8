package com.sladesk.change;

import com.sladesk.audit.Audited;

/** The CTO approved or rejected a change that the error-budget policy sent to them. */
public record ChangeDecided(long changeId, boolean approved, String comment, String actor) implements Audited {

    @Override
    public String auditAction() {
        return approved ? "approve" : "reject";
    }

    @Override
    public String auditSubjectType() {
        return "change";
    }

    @Override
    public long auditSubjectId() {
        return changeId;
    }

    @Override
    public String auditDetail() {
        return comment;
    }
}
