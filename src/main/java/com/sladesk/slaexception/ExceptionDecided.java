package com.sladesk.slaexception;

import com.sladesk.audit.Audited;

/** Engineering leadership approved or rejected an exception request. */
public record ExceptionDecided(long exceptionId, boolean approved, String comment, String actor) implements Audited {

    @Override
    public String auditAction() {
        return approved ? "approve" : "reject";
    }

    @Override
    public String auditSubjectType() {
        return "sla-exception";
    }

    @Override
    public long auditSubjectId() {
        return exceptionId;
    }

    @Override
    public String auditDetail() {
        return comment;
    }
}
