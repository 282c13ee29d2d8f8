package com.sladesk.credit;

import com.sladesk.audit.Audited;

/** An SRE verified a credit claim: approved (the credit is applied) or rejected with a reason. */
public record CreditDecided(long creditRequestId, long organisationId, boolean approved, String reason, String actor)
        implements Audited {

    @Override
    public String auditAction() {
        return approved ? "approve" : "reject";
    }

    @Override
    public String auditSubjectType() {
        return "credit-request";
    }

    @Override
    public long auditSubjectId() {
        return creditRequestId;
    }

    @Override
    public String auditDetail() {
        return reason;
    }
}
