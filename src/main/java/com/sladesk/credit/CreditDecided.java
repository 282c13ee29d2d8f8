package com.sladesk.credit;

import com.sladesk.audit.Audited;

/** An SRE verified a credit claim: approved (the credit is applied) or rejected with a reason. */
public record CreditDecided(long creditRequestId, long organisationId, boolean approved, String reason, String actor)
        implements Audited {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry(approved ? "approve" : "reject", "credit-request", creditRequestId, reason);
    }
}
