package com.sladesk.change;

import java.math.BigDecimal;
import java.time.Instant;

import com.sladesk.system.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "change_request")
class ChangeRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    private ChangeKind kind;

    private Long fixesIncidentId;
    private String testingEvidence;

    @Enumerated(EnumType.STRING)
    private ChangeDecision decision;

    private String policy;
    /** What set the tier: {@code availability} (incident-based) or {@code slo:<name>}. */
    private String policySource;
    private BigDecimal budgetRemainingPercent;
    private String reason;
    private String requestedBy;
    private Instant requestedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionComment;

    @Version
    private long version;

    protected ChangeRequest() {
    }

    ChangeRequest(String title, String description, ChangeKind kind, Long fixesIncidentId, String testingEvidence,
            String policy, String policySource, BigDecimal budgetRemainingPercent, String requestedBy, Instant requestedAt) {
        this.title = title;
        this.description = description;
        this.kind = kind;
        this.fixesIncidentId = fixesIncidentId;
        this.testingEvidence = testingEvidence;
        this.policy = policy;
        this.policySource = policySource;
        this.budgetRemainingPercent = budgetRemainingPercent;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        // replaced in the same transaction by the change-policy decision
        this.decision = ChangeDecision.BLOCKED;
        this.reason = "being decided";
    }

    void decidedByPolicy(ChangeDecision decision, String reason, Instant at) {
        this.decision = decision;
        // the decision says which source set the tier when it is an SLO rather than the incident-based availability
        this.reason = policySource != null && policySource.startsWith("slo:") ? "Tier " + policy + " set by SLO "
                + policySource.substring(4) + " (" + budgetRemainingPercent.stripTrailingZeros().toPlainString()
                + "% of its error budget left). " + reason : reason;
        if (decision != ChangeDecision.PENDING_CTO_APPROVAL) {
            this.decidedBy = "policy";
            this.decidedAt = at;
        }
    }

    void decidedByCto(boolean approved, String cto, String comment, Instant at) {
        if (decision != ChangeDecision.PENDING_CTO_APPROVAL) {
            throw new ConflictException("change " + id + " is " + decision + "; only a change pending CTO approval can be decided");
        }
        this.decision = approved ? ChangeDecision.APPROVED : ChangeDecision.REJECTED;
        this.decidedBy = cto;
        this.decidedAt = at;
        this.decisionComment = comment;
    }

    Long getId() {
        return id;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    ChangeView toView() {
        return new ChangeView(id, title, description, kind, fixesIncidentId, testingEvidence, decision, policy,
                policySource == null ? "availability" : policySource, budgetRemainingPercent, reason, requestedBy, requestedAt, decidedBy, decidedAt, decisionComment);
    }
}
