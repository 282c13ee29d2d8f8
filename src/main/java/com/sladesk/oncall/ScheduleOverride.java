package com.sladesk.oncall;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This person is on call from … to …, over every layer; of two overlapping overrides the later one wins. */
@Entity
@Table(name = "oncall_override")
class ScheduleOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long scheduleId;

    private String username;

    private Instant startsAt;

    private Instant endsAt;

    private String createdBy;

    protected ScheduleOverride() {
    }

    ScheduleOverride(long scheduleId, String username, Instant startsAt, Instant endsAt, String createdBy) {
        this.scheduleId = scheduleId;
        this.username = username;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.createdBy = createdBy;
    }

    boolean covers(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    Long getId() {
        return id;
    }

    Long getScheduleId() {
        return scheduleId;
    }

    OverrideView toView() {
        return new OverrideView(id, username, startsAt, endsAt, createdBy);
    }

    String username() {
        return username;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }
}
