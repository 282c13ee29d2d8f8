package com.sladesk.audit;

import java.time.Instant;

/** One decision: who took it, when, on what. */
public record AuditEntry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
        String detail) {
}
