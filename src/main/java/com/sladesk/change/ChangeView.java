package com.sladesk.change;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A change request and how the policy (or the CTO) decided it. {@code policy} is the budget tier
 * the decision used, the worst among the incident-based availability and the SLOs that gate
 * changes; {@code policySource} says which: {@code availability} or {@code slo:<name>}, and
 * {@code errorBudgetRemainingPercent} is that source's budget left.
 */
public record ChangeView(long id, String title, String description, ChangeKind kind, Long fixesIncidentId,
        String testingEvidence, ChangeDecision decision, String policy, String policySource,
        BigDecimal errorBudgetRemainingPercent,
        String reason, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String comment) {
}
