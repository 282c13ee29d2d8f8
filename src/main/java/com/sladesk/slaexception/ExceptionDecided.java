package com.sladesk.slaexception;

import com.sladesk.audit.Audited;

/** Engineering leadership approved or rejected an exception request. */
public record ExceptionDecided(long exceptionId, boolean approved, String comment, String actor) implements Audited, com.sladesk.availability.OutageEvent {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry(approved ? "approve" : "reject", "sla-exception", exceptionId, comment);
    }
}
