package com.sladesk.credit;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A credit on a future invoice ("Credits applied to future invoices (no cash refunds)"). */
@Entity
@Table(name = "credit_ledger")
class CreditLedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organisationId;

    private Long creditRequestId;

    private BigDecimal amount;

    private String currency;

    private String invoiceMonth;

    private Instant createdAt;

    private String createdBy;

    protected CreditLedgerEntry() {
    }

    CreditLedgerEntry(long organisationId, long creditRequestId, BigDecimal amount, String currency,
            String invoiceMonth, Instant createdAt, String createdBy) {
        this.organisationId = organisationId;
        this.creditRequestId = creditRequestId;
        this.amount = amount;
        this.currency = currency;
        this.invoiceMonth = invoiceMonth;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    Long getOrganisationId() {
        return organisationId;
    }

    LedgerEntryView toView(String organisationName) {
        return new LedgerEntryView(id, organisationId, organisationName, creditRequestId, amount, currency,
                invoiceMonth, createdAt, createdBy);
    }
}
