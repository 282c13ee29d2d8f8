package com.sladesk.incident;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@jakarta.persistence.EntityListeners(IncidentChanges.class)
@Table(name = "incident_sla_event")
class IncidentSlaEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private SlaTarget target;

    @Enumerated(EnumType.STRING)
    private SlaEventKind kind;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private Instant dueAt;

    private Instant occurredAt;

    protected IncidentSlaEvent() {
    }

    IncidentSlaEvent(SlaTarget target, SlaEventKind kind, Severity severity, Instant dueAt,
            Instant occurredAt) {
        this.target = target;
        this.kind = kind;
        this.severity = severity;
        this.dueAt = dueAt;
        this.occurredAt = occurredAt;
    }

    SlaTarget target() {
        return target;
    }

    SlaEventKind kind() {
        return kind;
    }

    IncidentView.Breach toBreach() {
        return new IncidentView.Breach(target, severity, dueAt, occurredAt);
    }
}
