package com.sladesk.change;

import java.math.BigDecimal;
import java.time.Instant;

/** A change request and how the policy (or the CTO) decided it. */
public record ChangeView(long id, String title, String description, ChangeKind kind, Long fixesIncidentId,
        String testingEvidence, ChangeDecision decision, String policy, BigDecimal errorBudgetRemainingPercent,
        String reason, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String comment) {
}
