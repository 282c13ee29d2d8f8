package com.sladesk.maintenance;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import com.sladesk.system.ConflictException;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "maintenance_window")
class MaintenanceWindow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    private MaintenanceType type;

    @Enumerated(EnumType.STRING)
    private MaintenanceStatus status;

    private Instant startsAt;

    private Instant endsAt;

    private Instant announcedAt;

    private Long incidentId;

    private String cancelReason;

    private String icalUid;

    private int icalSequence;

    private String createdBy;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "maintenance_component", joinColumns = @JoinColumn(name = "window_id"))
    @Column(name = "component_code")
    private Set<String> components = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "maintenance_activity", joinColumns = @JoinColumn(name = "window_id"))
    @Column(name = "activity")
    @Enumerated(EnumType.STRING)
    private Set<Activity> activities = new LinkedHashSet<>();

    protected MaintenanceWindow() {
    }

    MaintenanceWindow(String title, String description, MaintenanceType type, Instant startsAt, Instant endsAt,
            Instant announcedAt, Set<String> components, Set<Activity> activities, Long incidentId, String icalUid,
            String createdBy) {
        this.title = title;
        this.description = description;
        this.type = type;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.announcedAt = announcedAt;
        this.components.addAll(components);
        this.activities.addAll(activities);
        this.incidentId = incidentId;
        this.icalUid = icalUid;
        this.createdBy = createdBy;
        this.status = MaintenanceStatus.SCHEDULED;
    }

    void reschedule(Instant startsAt, Instant endsAt, Instant announcedAt) {
        if (status != MaintenanceStatus.SCHEDULED) {
            throw new ConflictException("maintenance " + id + " is " + status + "; only a scheduled window can move");
        }
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.announcedAt = announcedAt;
        this.icalSequence++;
    }

    void cancel(String reason) {
        if (status != MaintenanceStatus.SCHEDULED && status != MaintenanceStatus.IN_PROGRESS) {
            throw new ConflictException("maintenance " + id + " is " + status + " and cannot be cancelled");
        }
        this.status = MaintenanceStatus.CANCELLED;
        this.cancelReason = reason;
        this.icalSequence++;
    }

    void start() {
        if (status == MaintenanceStatus.SCHEDULED) {
            status = MaintenanceStatus.IN_PROGRESS;
        }
    }

    void complete() {
        if (status == MaintenanceStatus.SCHEDULED || status == MaintenanceStatus.IN_PROGRESS) {
            status = MaintenanceStatus.COMPLETED;
        }
    }

    Long getId() {
        return id;
    }

    MaintenanceType getType() {
        return type;
    }

    Long getIncidentId() {
        return incidentId;
    }

    Instant getStartsAt() {
        return startsAt;
    }

    Instant getEndsAt() {
        return endsAt;
    }

    Instant getAnnouncedAt() {
        return announcedAt;
    }

    Set<String> getComponents() {
        return components;
    }

    MaintenanceView toView() {
        return new MaintenanceView(id, title, description, type, status, startsAt, endsAt, announcedAt,
                components.stream().sorted().toList(), activities.stream().sorted().toList(), incidentId, cancelReason,
                icalUid, icalSequence, createdBy);
    }
}
