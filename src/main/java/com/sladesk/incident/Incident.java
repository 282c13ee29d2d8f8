package com.sladesk.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.sladesk.system.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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

/** An incident and its state machine: OPEN → ACKNOWLEDGED → RESOLVED, with the due times fixed at opening. */
@Entity
@jakarta.persistence.EntityListeners(IncidentChanges.class)
@Table(name = "incident")
class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    private IncidentStatus status;

    private Environment environment;

    private Impact impact;

    private Cause cause;

    private Instant openedAt;

    private Instant acknowledgedAt;

    private Instant resolvedAt;

    private Instant responseWarnAt;

    private Instant responseDueAt;

    private Instant resolutionWarnAt;

    private Instant resolutionDueAt;

    private Instant pausedAt;

    private long pausedSeconds;

    private Instant postmortemDueAt;

    private Instant postmortemDoneAt;

    /** POSTMORTEM or RCA, as postmortem-policy.dmn decided at resolution; null when none is required. */
    private String postmortemKind;

    private String alertFingerprint;

    /** Components an alert named that the catalogue does not know, comma-separated (null: none). */
    private String unmatchedComponents;

    private String createdBy;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "incident_component", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "component_code")
    private Set<String> components = new LinkedHashSet<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "incident_id", nullable = false, updatable = false)
    @OrderBy("at, id")
    private List<IncidentTimelineEntry> timeline = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "incident_id", nullable = false, updatable = false)
    @OrderBy("occurredAt, id")
    private List<IncidentSlaEvent> slaEvents = new ArrayList<>();

    protected Incident() {
    }

    Incident(String title, String description, Severity severity, Set<String> components, Environment environment,
            Impact impact, Instant openedAt, String alertFingerprint, String createdBy, SlaTargets.DueTimes due) {
        this.title = title;
        this.description = description;
        this.severity = severity;
        this.components.addAll(components);
        this.environment = environment;
        this.impact = impact;
        this.openedAt = openedAt;
        this.alertFingerprint = alertFingerprint;
        this.createdBy = createdBy;
        this.status = IncidentStatus.OPEN;
        apply(due);
    }

    void record(Instant at, String actor, String action, String detail) {
        timeline.add(new IncidentTimelineEntry(at, actor, action, detail));
    }

    void acknowledge(Instant at) {
        requireStatus(IncidentStatus.OPEN, "acknowledged");
        status = IncidentStatus.ACKNOWLEDGED;
        acknowledgedAt = at;
    }

    void resolve(Instant at, Cause cause, Duration pausedUntilNow) {
        if (status == IncidentStatus.RESOLVED) {
            throw new ConflictException("incident " + id + " is already resolved");
        }
        if (pausedAt != null) {
            pausedSeconds += pausedUntilNow.toSeconds();
            pausedAt = null;
        }
        status = IncidentStatus.RESOLVED;
        resolvedAt = at;
        this.cause = cause;
    }

    void changeSeverity(Severity severity, SlaTargets.DueTimes due) {
        if (status == IncidentStatus.RESOLVED) {
            throw new ConflictException("incident " + id + " is resolved; its severity can no longer change");
        }
        if (this.severity == severity) {
            throw new ConflictException("incident " + id + " already has severity " + severity);
        }
        this.severity = severity;
        apply(due);
    }

    void pause(Instant at) {
        requireStatus(IncidentStatus.ACKNOWLEDGED, "paused (acknowledge it first)");
        if (!severity.mayPause()) {
            throw new ConflictException("only P3 and P4 incidents may wait for the customer; this one is " + severity);
        }
        if (pausedAt != null) {
            throw new ConflictException("incident " + id + " is already waiting for the customer");
        }
        pausedAt = at;
    }

    void resume(Duration paused, SlaTargets.DueTimes due) {
        pausedSeconds += paused.toSeconds();
        pausedAt = null;
        apply(due);
    }

    void postmortemRequired(String kind, Instant due) {
        postmortemKind = kind;
        postmortemDueAt = due;
    }

    void postmortemApproved(Instant at) {
        if (postmortemDueAt == null) {
            throw new ConflictException("incident " + id + " has no postmortem to complete");
        }
        if (postmortemDoneAt != null) {
            throw new ConflictException("the postmortem of incident " + id + " is already done");
        }
        postmortemDoneAt = at;
    }

    /** Records a warning or breach once; false when it was recorded before (so nothing is sent twice). */
    boolean recordSlaEvent(SlaTarget target, SlaEventKind kind, Instant at) {
        boolean known = slaEvents.stream().anyMatch(e -> e.target() == target && e.kind() == kind);
        if (known) {
            return false;
        }
        Instant due = switch (target) {
            case RESPONSE -> kind == SlaEventKind.WARNING ? responseWarnAt : responseDueAt;
            case RESOLUTION -> kind == SlaEventKind.WARNING ? resolutionWarnAt : resolutionDueAt;
        };
        slaEvents.add(new IncidentSlaEvent(target, kind, severity, due, at));
        return true;
    }

    private void apply(SlaTargets.DueTimes due) {
        responseWarnAt = due.responseWarnAt();
        responseDueAt = due.responseDueAt();
        resolutionWarnAt = due.resolutionWarnAt();
        resolutionDueAt = due.resolutionDueAt();
    }

    private void requireStatus(IncidentStatus required, String what) {
        if (status != required) {
            throw new ConflictException("incident " + id + " is " + status + " and cannot be " + what);
        }
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    Severity getSeverity() {
        return severity;
    }

    IncidentStatus getStatus() {
        return status;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    Instant getPausedAt() {
        return pausedAt;
    }

    Duration getPausedTime() {
        return Duration.ofSeconds(pausedSeconds);
    }

    Instant getResolvedAt() {
        return resolvedAt;
    }

    String getTitle() {
        return title;
    }

    Impact getImpact() {
        return impact;
    }

    Instant getResponseWarnAt() {
        return responseWarnAt;
    }

    Instant getResponseDueAt() {
        return responseDueAt;
    }

    Instant getResolutionWarnAt() {
        return resolutionWarnAt;
    }

    Instant getResolutionDueAt() {
        return resolutionDueAt;
    }

    Instant getPostmortemDueAt() {
        return postmortemDueAt;
    }

    IncidentView toView() {
        return new IncidentView(id, title, description, severity, status, components.stream().sorted().toList(),
                environment, impact, cause, openedAt, acknowledgedAt, resolvedAt, responseDueAt, resolutionDueAt,
                responseWarnAt, resolutionWarnAt, pausedAt != null, pausedAt, pausedSeconds / 60, postmortemDueAt,
                postmortemDoneAt, postmortemKind, alertFingerprint, createdBy,
                slaEvents.stream().filter(e -> e.kind() == SlaEventKind.BREACH).map(IncidentSlaEvent::toBreach).toList(),
                slaEvents.stream().filter(e -> e.kind() == SlaEventKind.WARNING).map(IncidentSlaEvent::toBreach).toList(),
                timeline.stream().map(IncidentTimelineEntry::toView).toList(),
                unmatchedComponents == null || unmatchedComponents.isBlank() ? List.of()
                        : List.of(unmatchedComponents.split(",")));
    }

    void unmatched(List<String> names) {
        this.unmatchedComponents = names.isEmpty() ? null : String.join(",", names);
    }
}
