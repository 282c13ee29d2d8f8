package com.sladesk.maintenance.web;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.sladesk.maintenance.Activity;
import com.sladesk.maintenance.MaintenanceType;
import com.sladesk.maintenance.NewMaintenance;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The SRE's "schedule maintenance" form; times are UTC. */
class MaintenanceForm {

    @NotBlank
    @Size(max = 200)
    private String title;

    @Size(max = 4000)
    private String description;

    @NotNull
    private MaintenanceType type = MaintenanceType.STANDARD;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime startsAt;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime endsAt;

    @NotEmpty
    private List<String> components = new ArrayList<>();

    @NotEmpty
    private List<Activity> activities = new ArrayList<>();

    private Long incidentId;

    boolean complete() {
        return title != null && !title.isBlank() && type != null && startsAt != null && endsAt != null;
    }

    NewMaintenance toCommand() {
        return new NewMaintenance(title, description == null || description.isBlank() ? null : description, type,
                startsAt.toInstant(ZoneOffset.UTC), endsAt.toInstant(ZoneOffset.UTC), components, activities, incidentId);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public MaintenanceType getType() {
        return type;
    }

    public void setType(MaintenanceType type) {
        this.type = type;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public List<String> getComponents() {
        return components;
    }

    public void setComponents(List<String> components) {
        this.components = components;
    }

    public List<Activity> getActivities() {
        return activities;
    }

    public void setActivities(List<Activity> activities) {
        this.activities = activities;
    }

    public Long getIncidentId() {
        return incidentId;
    }

    public void setIncidentId(Long incidentId) {
        this.incidentId = incidentId;
    }
}
