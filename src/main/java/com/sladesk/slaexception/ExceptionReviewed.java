package com.sladesk.slaexception;

import com.sladesk.audit.Audited;

/** An SRE reviewed an exception request. */
public record ExceptionReviewed(long exceptionId, ReviewOutcome outcome, String comment, String actor)
        implements Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("review-" + outcome.value(), "sla-exception", exceptionId, comment);
    }
}
