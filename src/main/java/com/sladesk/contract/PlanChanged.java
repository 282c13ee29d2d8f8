package com.sladesk.contract;

import com.sladesk.audit.Audited;

/** A plan, a plan version or an organisation's plan changed ({@code subjectType} sla-plan or organisation). */
public record PlanChanged(String actor, String action, String subjectType, long subjectId, String detail) implements Audited {

    @Override
    public Entry auditEntry() {
        return new Entry(action, subjectType, subjectId, detail);
    }
}
