package com.sladesk.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import com.sladesk.system.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@jakarta.persistence.EntityListeners(CreditChanges.class)
@Table(name = "credit_request")
class CreditRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organisationId;

    @Column(name = "claim_month")
    private String month;

    private String description;

    private String incidentIds;

    @Enumerated(EnumType.STRING)
    private CreditStatus status;

    private BigDecimal availabilityPercent;

    private BigDecimal downtimeMinutes;

    private BigDecimal excludedMinutes;

    private Integer creditPercent;

    private BigDecimal monthlyFee;

    private BigDecimal creditAmount;

    private String currency;

    private Instant submittedAt;

    private String submittedBy;

    private Instant decisionDueAt;

    private Instant decidedAt;

    private String decidedBy;

    private Instant appliedAt;

    private Instant escalatedAt;

    private String reason;

    /** The plan whose terms judged the month, and its target. */
    private String planCode;

    private BigDecimal targetPercent;

    private boolean openedAutomatically;

    @Version
    private long version;

    protected CreditRequest() {
    }

    CreditRequest(long organisationId, YearMonth month, String description, List<Long> incidentIds,
            BigDecimal monthlyFee, String currency, Instant submittedAt, String submittedBy, Instant decisionDueAt) {
        this.organisationId = organisationId;
        this.month = month.toString();
        this.description = description;
        this.incidentIds = incidentIds == null || incidentIds.isEmpty() ? null
                : String.join(",", incidentIds.stream().map(String::valueOf).toList());
        this.monthlyFee = monthlyFee;
        this.currency = currency;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.decisionDueAt = decisionDueAt;
        this.status = CreditStatus.SUBMITTED;
    }

    void openedAutomatically() {
        this.openedAutomatically = true;
    }

    void computed(String planCode, BigDecimal targetPercent, BigDecimal availabilityPercent, BigDecimal downtimeMinutes,
            BigDecimal excludedMinutes, int creditPercent) {
        this.planCode = planCode;
        this.targetPercent = targetPercent;
        this.availabilityPercent = availabilityPercent;
        this.downtimeMinutes = downtimeMinutes;
        this.excludedMinutes = excludedMinutes;
        this.creditPercent = creditPercent;
        this.creditAmount = CreditTiers.amount(monthlyFee, creditPercent);
    }

    void decide(boolean approved, String reason, String by, Instant at) {
        if (status != CreditStatus.SUBMITTED || decidedAt != null) {
            throw new ConflictException("credit request " + id + " was already decided (" + status + ")");
        }
        if (approved && (creditPercent == null || creditPercent == 0)) {
            throw new ConflictException("the availability of " + month + " (" + availabilityPercent
                    + "%) earns no credit under the SLA; reject the claim with a reason");
        }
        this.reason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void applied(Instant at) {
        status = CreditStatus.APPLIED;
        appliedAt = at;
    }

    void rejected() {
        status = CreditStatus.REJECTED;
    }

    void escalated(Instant at) {
        escalatedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getOrganisationId() {
        return organisationId;
    }

    YearMonth getMonth() {
        return YearMonth.parse(month);
    }

    BigDecimal getCreditAmount() {
        return creditAmount;
    }

    String getCurrency() {
        return currency;
    }

    String getReason() {
        return reason;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecisionDueAt() {
        return decisionDueAt;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    CreditRequestView toView(String organisationName) {
        return toView(organisationName, List.of());
    }

    CreditRequestView toView(String organisationName, List<CreditRequestView.AttachmentInfo> attachments) {
        List<Long> ids = incidentIds == null ? List.of()
                : Arrays.stream(incidentIds.split(",")).map(Long::valueOf).toList();
        return new CreditRequestView(id, organisationName, organisationId, month, status, availabilityPercent,
                creditPercent, creditAmount, currency, submittedAt, decidedAt, appliedAt, reason, description, ids,
                downtimeMinutes, excludedMinutes, monthlyFee, submittedBy, decidedBy, decisionDueAt, escalatedAt,
                planCode, targetPercent, openedAutomatically, attachments);
    }
}
