package com.sladesk.credit;

import java.math.BigDecimal;
import java.time.Instant;

public record LedgerEntryView(long id, long organisationId, String organisation, long creditRequestId,
        BigDecimal amount, String currency, String invoiceMonth, Instant createdAt, String createdBy) {
}
