package com.sladesk.contract;

import java.io.Serializable;
import java.time.Instant;
import java.time.YearMonth;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** From {@code effectiveFrom} on, the organisation is on {@code planCode}. */
@Entity
@Table(name = "organisation_plan")
class OrganisationPlan {

    @Embeddable
    record Key(Long organisationId, String effectiveFrom) implements Serializable {
    }

    @EmbeddedId
    private Key id;

    private String planCode;

    private Instant assignedAt;

    private String assignedBy;

    protected OrganisationPlan() {
    }

    OrganisationPlan(long organisationId, YearMonth effectiveFrom, String planCode, Instant assignedAt, String assignedBy) {
        this.id = new Key(organisationId, effectiveFrom.toString());
        this.planCode = planCode;
        this.assignedAt = assignedAt;
        this.assignedBy = assignedBy;
    }

    YearMonth getEffectiveFrom() {
        return YearMonth.parse(id.effectiveFrom());
    }

    long getOrganisationId() {
        return id.organisationId();
    }

    String getPlanCode() {
        return planCode;
    }

    void change(String planCode, Instant at, String by) {
        this.planCode = planCode;
        this.assignedAt = at;
        this.assignedBy = by;
    }
}
