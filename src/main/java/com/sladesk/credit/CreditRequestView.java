package com.sladesk.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A claim as the API and pages show it. */
public record CreditRequestView(long id, String organisation, long organisationId, String month, CreditStatus status,
        BigDecimal availabilityPercent, Integer creditPercent, BigDecimal creditAmount, String currency,
        Instant submittedAt, Instant decidedAt, Instant appliedAt, String reason, String description,
        List<Long> incidentIds, BigDecimal downtimeMinutes, BigDecimal excludedMinutes, BigDecimal monthlyFee,
        String submittedBy, String decidedBy, Instant decisionDueAt, Instant escalatedAt, String plan,
        BigDecimal targetPercent, boolean openedAutomatically, List<AttachmentInfo> attachments) {

    /** Evidence attached to the claim: its name, its type (checked by content) and size; fetched by id. */
    public record AttachmentInfo(long id, String filename, String contentType, int sizeBytes) {
    }
}
