package com.sladesk.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A claim as the API and pages show it. */
public record CreditRequestView(long id, String organisation, long organisationId, String month, CreditStatus status,
        BigDecimal availabilityPercent, Integer creditPercent, BigDecimal creditAmount, String currency,
        Instant submittedAt, Instant decidedAt, Instant appliedAt, String reason, String description,
        List<Long> incidentIds, BigDecimal downtimeMinutes, BigDecimal excludedMinutes, BigDecimal monthlyFee,
        String submittedBy, String decidedBy, Instant decisionDueAt, Instant escalatedAt) {
}
