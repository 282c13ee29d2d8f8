package com.sladesk.catalogue;

import com.sladesk.audit.Audited;

/**
 * A component or group was created, changed or retired by an administrator ({@code subjectType}
 * {@code component} or {@code component-group}); {@code detail} holds before and after.
 */
public record ComponentChanged(String actor, String action, String subjectType, long subjectId, String detail)
        implements Audited {

    @Override
    public Entry auditEntry() {
        return new Entry(action, subjectType, subjectId, detail);
    }
}
