package com.sladesk.incident;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@jakarta.persistence.EntityListeners(IncidentChanges.class)
@Table(name = "incident_timeline")
class IncidentTimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant at;

    private String actor;

    private String action;

    private String detail;

    protected IncidentTimelineEntry() {
    }

    IncidentTimelineEntry(Instant at, String actor, String action, String detail) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.detail = detail;
    }

    IncidentView.TimelineEntry toView() {
        return new IncidentView.TimelineEntry(at, actor, action, detail);
    }
}
