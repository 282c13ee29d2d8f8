package com.sladesk.communication;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of an incident's public timeline: an update an SRE wrote, or a published postmortem summary. */
@Entity
@Table(name = "public_incident_update")
class PublicIncidentUpdate {

    enum Kind { UPDATE, POSTMORTEM }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long incidentId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    private String status;

    private String message;

    private String components;

    private Instant postedAt;

    private String postedBy;

    private Instant fannedOutAt;

    private Instant claimedUntil;

    protected PublicIncidentUpdate() {
    }

    PublicIncidentUpdate(long incidentId, Kind kind, PublicStatus status, String message,
            Map<String, ComponentImpact> components, Instant postedAt, String postedBy) {
        this.incidentId = incidentId;
        this.kind = kind;
        this.status = status.value();
        this.message = message;
        this.components = components.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().value())
                .collect(Collectors.joining(","));
        this.postedAt = postedAt;
        this.postedBy = postedBy;
    }

    void fannedOut(Instant now) {
        this.fannedOutAt = now;
        this.claimedUntil = null;
    }

    Long getId() {
        return id;
    }

    Long getIncidentId() {
        return incidentId;
    }

    Kind getKind() {
        return kind;
    }

    PublicStatus getStatus() {
        return PublicStatus.parse("status", status);
    }

    String getMessage() {
        return message;
    }

    Instant getPostedAt() {
        return postedAt;
    }

    String getPostedBy() {
        return postedBy;
    }

    Instant getFannedOutAt() {
        return fannedOutAt;
    }

    Map<String, ComponentImpact> getComponents() {
        Map<String, ComponentImpact> impacts = new LinkedHashMap<>();
        if (components != null && !components.isBlank()) {
            Arrays.stream(components.split(",")).map(pair -> pair.split("=", 2))
                    .forEach(pair -> impacts.put(pair[0], ComponentImpact.parse("impact", pair[1])));
        }
        return impacts;
    }
}
