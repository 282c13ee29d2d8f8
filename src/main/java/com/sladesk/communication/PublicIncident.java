package com.sladesk.communication;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The public side of one incident: what customers read, apart from the internal record. */
@Entity
@Table(name = "public_incident")
class PublicIncident {

    @Id
    private Long incidentId;

    private String title;

    private String status;

    private Instant startedAt;

    private Instant publishedAt;

    private String publishedBy;

    private Instant resolvedAt;

    private String summary;

    private Instant summaryPublishedAt;

    /** Null until first stored: Spring Data then persists a new side (one INSERT) instead of merging it (a SELECT first). */
    @Version
    private Long version;

    /** Component code to impact (its lower-case value). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "public_incident_component", joinColumns = @JoinColumn(name = "incident_id"))
    @MapKeyColumn(name = "component_code")
    @Column(name = "impact")
    private Map<String, String> components = new LinkedHashMap<>();

    protected PublicIncident() {
    }

    PublicIncident(long incidentId, String title, Instant startedAt) {
        this.incidentId = incidentId;
        this.title = title;
        this.status = PublicStatus.INVESTIGATING.value();
        this.startedAt = startedAt;
    }

    void publish(String title, Instant now, String actor) {
        this.title = title;
        this.publishedAt = now;
        this.publishedBy = actor;
    }

    void retitle(String title) {
        this.title = title;
    }

    /** An update: its status, and (when given) the affected components from now on. */
    void apply(PublicStatus status, Map<String, ComponentImpact> components, Instant now) {
        this.status = status.value();
        if (components != null) {
            this.components.clear();
            components.forEach((code, impact) -> this.components.put(code, impact.value()));
        }
        this.resolvedAt = status == PublicStatus.RESOLVED ? (resolvedAt == null ? now : resolvedAt) : null;
    }

    void publishSummary(String summary, Instant now) {
        this.summary = summary;
        this.summaryPublishedAt = now;
    }

    boolean isPublished() {
        return publishedAt != null;
    }

    Long getIncidentId() {
        return incidentId;
    }

    String getTitle() {
        return title;
    }

    PublicStatus getStatus() {
        return PublicStatus.parse("status", status);
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    Instant getResolvedAt() {
        return resolvedAt;
    }

    String getSummary() {
        return summary;
    }

    Instant getSummaryPublishedAt() {
        return summaryPublishedAt;
    }

    Map<String, ComponentImpact> getComponents() {
        Map<String, ComponentImpact> impacts = new LinkedHashMap<>();
        components.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> impacts.put(e.getKey(), ComponentImpact.parse("impact", e.getValue())));
        return impacts;
    }
}
