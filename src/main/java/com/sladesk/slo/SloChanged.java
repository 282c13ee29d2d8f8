package com.sladesk.slo;

import com.sladesk.audit.Audited;

/** An SLO was created, changed (a new version) or retired; the audit log records it. */
public record SloChanged(String actor, String action, long sloId, String detail) implements Audited {

    @Override
    public Entry auditEntry() {
        return new Entry(action, "slo", sloId, detail);
    }
}
