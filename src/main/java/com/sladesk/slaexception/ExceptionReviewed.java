package com.sladesk.slaexception;

import com.sladesk.audit.Audited;

/** An SRE reviewed an exception request. */
public record ExceptionReviewed(long exceptionId, ReviewOutcome outcome, String comment, String actor)
        implements Audited {

    @Override
    public String auditAction() {
        return "review-" + outcome.value();
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
