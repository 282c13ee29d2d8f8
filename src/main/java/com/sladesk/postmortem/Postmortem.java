package com.sladesk.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.sladesk.system.ConflictException;
import com.sladesk.system.RuleViolationException;
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
@Table(name = "postmortem")
class Postmortem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long incidentId;

    @Enumerated(EnumType.STRING)
    private PostmortemKind kind;

    @Enumerated(EnumType.STRING)
    private PostmortemStatus status;

    private String budgetPolicy;
    private String reason;
    private Instant dueAt;
    private String title;
    private String summary;
    private String customerImpact;
    private String timeline;
    private String rootCause;
    private String contributingFactors;
    private String wentWell;
    private String reviewComment;
    private Instant createdAt;
    private Instant updatedAt;
    private String updatedBy;
    private String submittedBy;
    private Instant submittedAt;
    private String approvedBy;
    private Instant approvedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "postmortem_id", nullable = false, updatable = false)
    @OrderBy("dueOn, id")
    private List<ActionItem> actionItems = new ArrayList<>();

    protected Postmortem() {
    }

    Postmortem(long incidentId, PostmortemKind kind, String budgetPolicy, String reason, Instant dueAt, String title,
            String customerImpact, String timeline, Instant now) {
        this.incidentId = incidentId;
        this.kind = kind;
        this.budgetPolicy = budgetPolicy;
        this.reason = reason;
        this.dueAt = dueAt;
        this.title = title;
        this.customerImpact = customerImpact;
        this.timeline = timeline;
        this.status = PostmortemStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
        this.updatedBy = "system";
    }

    void edit(PostmortemDraft draft, String actor, Instant now) {
        if (status != PostmortemStatus.DRAFT) {
            throw new ConflictException("the " + kind.label().toLowerCase() + " of incident " + incidentId + " is "
                    + status + ": only a draft can be edited");
        }
        if (draft.summary() != null) {
            summary = blankToNull(draft.summary());
        }
        if (draft.customerImpact() != null) {
            customerImpact = blankToNull(draft.customerImpact());
        }
        if (draft.timeline() != null) {
            timeline = blankToNull(draft.timeline());
        }
        if (draft.rootCause() != null) {
            rootCause = blankToNull(draft.rootCause());
        }
        if (draft.contributingFactors() != null) {
            contributingFactors = blankToNull(draft.contributingFactors());
        }
        if (draft.wentWell() != null) {
            wentWell = blankToNull(draft.wentWell());
        }
        updatedAt = now;
        updatedBy = actor;
    }

    /** A document that goes to review, or is approved, has a root cause and at least one action item. */
    void checkComplete() {
        if (rootCause == null) {
            throw new RuleViolationException("rootCause", "required",
                    "a " + kind.label().toLowerCase() + " needs its root cause before it is approved");
        }
        if (actionItems.isEmpty()) {
            throw new RuleViolationException("actionItems", "required",
                    "a " + kind.label().toLowerCase() + " needs at least one action item before it is approved");
        }
    }

    void submit(String actor, Instant now) {
        if (status != PostmortemStatus.DRAFT) {
            throw new ConflictException("the " + kind.label().toLowerCase() + " of incident " + incidentId + " is "
                    + status + ", not a draft");
        }
        checkComplete();
        status = PostmortemStatus.IN_REVIEW;
        submittedBy = actor;
        submittedAt = now;
    }

    void review(boolean approved, String comment, String actor, Instant now) {
        if (status != PostmortemStatus.IN_REVIEW) {
            throw new ConflictException("the " + kind.label().toLowerCase() + " of incident " + incidentId + " is "
                    + status + ", not in review");
        }
        reviewComment = blankToNull(comment);
        if (approved) {
            checkComplete();
            status = PostmortemStatus.APPROVED;
            approvedBy = actor;
            approvedAt = now;
        }
        else {
            status = PostmortemStatus.DRAFT;
        }
    }

    ActionItem add(NewActionItem item, Instant now) {
        ActionItem added = new ActionItem(item, now);
        actionItems.add(added);
        return added;
    }

    long getIncidentId() {
        return incidentId;
    }

    PostmortemKind getKind() {
        return kind;
    }

    String getTitle() {
        return title;
    }

    Instant getDueAt() {
        return dueAt;
    }

    List<ActionItem> getActionItems() {
        return actionItems;
    }

    PostmortemView toView(Instant now, LocalDate today) {
        return new PostmortemView(incidentId, kind, status, budgetPolicy, reason, dueAt,
                status == PostmortemStatus.DRAFT && now.isAfter(dueAt), title, summary, customerImpact, timeline,
                rootCause, contributingFactors, wentWell, reviewComment, createdAt, updatedAt, updatedBy, submittedBy,
                submittedAt, approvedBy, approvedAt, actionItems.stream().map(i -> i.toView(incidentId, today)).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
