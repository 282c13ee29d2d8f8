package com.sladesk.calibration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A calibration of one year: the figures it was proposed from, the proposed (then reviewed) policy
 * — target, tiers, response targets, effective date — and who reviewed and decided it.
 */
public record CalibrationView(long id, int year, String status, String figures, BigDecimal targetPercent,
        BigDecimal reducedAtPercent, BigDecimal freezeBelowPercent, Map<String, String> responseTargets,
        LocalDate effectiveFrom, String requestedBy, Instant createdAt, String reviewedBy, String reviewComment,
        String decidedBy, String decisionComment, Instant decidedAt, Integer policyVersion) {
}
