package com.sladesk.incident;

import java.time.Instant;

import com.sladesk.audit.Audited;

/**
 * {@code postmortem-policy.dmn} asked a document of a resolved incident: {@code kind} is
 * POSTMORTEM or RCA, due {@code dueAt} (5 business days after resolution), decided from the
 * month's error-budget tier {@code budgetPolicy} at resolution, for {@code reason}. A
 * {@code backfilled} incident records the past: its document is recorded, with no workflow,
 * timer or mail.
 */
public record PostmortemRequired(long incidentId, String kind, Instant dueAt, String budgetPolicy, String reason,
        boolean backfilled)
        implements Audited {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("require-" + kind.toLowerCase(), "postmortem", incidentId,
                "due " + dueAt + "; tier " + budgetPolicy + ": " + reason);
    }
}
