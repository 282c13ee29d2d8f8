package com.sladesk.slaexception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sladesk.system.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "sla_exception")
class SlaException {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String justification;
    private String riskAssessment;
    private String mitigationPlan;
    private boolean criticalNeed;
    private String criticalNeedComment;
    private boolean workaround;
    private String workaroundComment;
    private boolean impactMinimal;
    private String impactMinimalComment;
    private boolean clearTimeline;
    private String clearTimelineComment;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String scopeComponents;
    private String exemptIncidents;
    private Instant exemptWindowStart;
    private Instant exemptWindowEnd;
    private String exemptChanges;
    private Instant approvedAt;

    @Enumerated(EnumType.STRING)
    private ExceptionStatus status;

    private String requestedBy;
    private Instant requestedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "exception_id", nullable = false, updatable = false)
    @OrderBy("at, id")
    private List<ExceptionHistory> history = new ArrayList<>();

    protected SlaException() {
    }

    SlaException(ExceptionRequest request, String requestedBy, Instant now) {
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        write(request);
        this.status = ExceptionStatus.IN_REVIEW;
        record(now, requestedBy, "submitted", null);
    }

    private void write(ExceptionRequest r) {
        title = r.title().trim();
        justification = r.justification();
        riskAssessment = r.riskAssessment();
        mitigationPlan = r.mitigationPlan();
        criticalNeed = r.criticalBusinessNeed().answer();
        criticalNeedComment = blankToNull(r.criticalBusinessNeed().comment());
        workaround = r.temporaryWorkaround().answer();
        workaroundComment = blankToNull(r.temporaryWorkaround().comment());
        impactMinimal = r.customerImpactMinimal().answer();
        impactMinimalComment = blankToNull(r.customerImpactMinimal().comment());
        clearTimeline = r.clearTimeline().answer();
        clearTimelineComment = blankToNull(r.clearTimeline().comment());
        startsOn = r.startsOn();
        endsOn = r.endsOn();
        ExceptionRequest.Scope scope = r.scope();
        scopeComponents = scope.components().isEmpty() ? null : String.join(",", scope.components());
        exemptIncidents = scope.incidentIds().isEmpty() ? null
                : scope.incidentIds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        exemptWindowStart = scope.windowStart();
        exemptWindowEnd = scope.windowEnd();
        exemptChanges = scope.changeTitles().isEmpty() ? null : String.join("\n", scope.changeTitles());
    }

    ExceptionRequest.Scope scope() {
        return new ExceptionRequest.Scope(
                scopeComponents == null ? List.of() : List.of(scopeComponents.split(",")),
                exemptIncidents == null ? List.of() : java.util.Arrays.stream(exemptIncidents.split(",")).map(Long::valueOf).toList(),
                exemptWindowStart, exemptWindowEnd,
                exemptChanges == null ? List.of() : List.of(exemptChanges.split("\n")));
    }

    Instant getApprovedAt() {
        return approvedAt;
    }

    Map<String, ExceptionRequest.Criterion> criteria() {
        return toView().criteria();
    }

    void record(Instant at, String actor, String action, String comment) {
        history.add(new ExceptionHistory(at, actor, action, blankToNull(comment)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    void reviewed(ReviewOutcome outcome, String actor, String comment, Instant now) {
        require(ExceptionStatus.IN_REVIEW, "reviewed");
        status = switch (outcome) {
            case APPROVE -> ExceptionStatus.AWAITING_APPROVAL;
            case CHANGES -> ExceptionStatus.CHANGES_REQUESTED;
            case REJECT -> ExceptionStatus.REJECTED;
        };
        record(now, actor, switch (outcome) {
            case APPROVE -> "accepted for approval";
            case CHANGES -> "sent back for changes";
            case REJECT -> "rejected in review";
        }, comment);
    }

    void resubmitted(ExceptionRequest request, String actor, Instant now) {
        require(ExceptionStatus.CHANGES_REQUESTED, "resubmitted");
        write(request);
        status = ExceptionStatus.IN_REVIEW;
        record(now, actor, "resubmitted", null);
    }

    void decided(boolean approved, String actor, String comment, Instant now) {
        require(ExceptionStatus.AWAITING_APPROVAL, "approved or rejected");
        status = approved ? ExceptionStatus.APPROVED : ExceptionStatus.REJECTED;
        if (approved) {
            approvedAt = now;
        }
        record(now, actor, approved ? "approved" : "rejected by leadership", comment);
    }

    void activate(Instant now) {
        if (status == ExceptionStatus.APPROVED) {
            status = ExceptionStatus.ACTIVE;
            record(now, "system", "active", null);
        }
    }

    void expire(Instant now) {
        if (status == ExceptionStatus.ACTIVE || status == ExceptionStatus.APPROVED) {
            status = ExceptionStatus.EXPIRED;
            record(now, "system", "expired", null);
        }
    }

    private void require(ExceptionStatus expected, String what) {
        if (status != expected) {
            throw new ConflictException("exception request " + id + " is " + status + " and cannot be " + what);
        }
    }

    Long getId() {
        return id;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    String getTitle() {
        return title;
    }

    LocalDate getStartsOn() {
        return startsOn;
    }

    LocalDate getEndsOn() {
        return endsOn;
    }

    ExceptionView toView() {
        Map<String, ExceptionRequest.Criterion> criteria = new LinkedHashMap<>();
        criteria.put("criticalBusinessNeed", new ExceptionRequest.Criterion(criticalNeed, criticalNeedComment));
        criteria.put("temporaryWorkaround", new ExceptionRequest.Criterion(workaround, workaroundComment));
        criteria.put("customerImpactMinimal", new ExceptionRequest.Criterion(impactMinimal, impactMinimalComment));
        criteria.put("clearTimeline", new ExceptionRequest.Criterion(clearTimeline, clearTimelineComment));
        return new ExceptionView(id, title, justification, riskAssessment, mitigationPlan, criteria, startsOn, endsOn,
                status, requestedBy, requestedAt, history.stream().map(ExceptionHistory::toView).toList(), scope(),
                approvedAt);
    }
}
