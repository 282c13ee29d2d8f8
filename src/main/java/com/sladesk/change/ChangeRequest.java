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
            String policy, BigDecimal budgetRemainingPercent, String requestedBy, Instant requestedAt) {
        this.title = title;
        this.description = description;
        this.kind = kind;
        this.fixesIncidentId = fixesIncidentId;
        this.testingEvidence = testingEvidence;
        this.policy = policy;
        this.budgetRemainingPercent = budgetRemainingPercent;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        // replaced in the same transaction by the change-policy decision
        this.decision = ChangeDecision.BLOCKED;
        this.reason = "being decided";
    }

    void decidedByPolicy(ChangeDecision decision, String reason, Instant at) {
        this.decision = decision;
        this.reason = reason;
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
                budgetRemainingPercent, reason, requestedBy, requestedAt, decidedBy, decidedAt, decisionComment);
    }
}
