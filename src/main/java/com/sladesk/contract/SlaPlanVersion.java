package com.sladesk.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A plan's terms from a month on; a later version never changes an earlier month. */
@Entity
@Table(name = "sla_plan_version")
class SlaPlanVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String planCode;

    private int version;

    private String effectiveFrom;

    /** Null: the SLA's configured target. */
    private BigDecimal targetPercent;

    private int claimWindowDays;

    private boolean automaticCredits;

    private String decisionKey;

    /** Null: the latest deployed version of {@code decisionKey} (the SLA's own table, deployed from bpmn/). */
    private Integer decisionVersion;

    private Instant createdAt;

    private String createdBy;

    protected SlaPlanVersion() {
    }

    SlaPlanVersion(String planCode, int version, YearMonth effectiveFrom, BigDecimal targetPercent, int claimWindowDays,
            boolean automaticCredits, String decisionKey, Integer decisionVersion, Instant createdAt, String createdBy) {
        this.planCode = planCode;
        this.version = version;
        this.effectiveFrom = effectiveFrom.toString();
        this.targetPercent = targetPercent;
        this.claimWindowDays = claimWindowDays;
        this.automaticCredits = automaticCredits;
        this.decisionKey = decisionKey;
        this.decisionVersion = decisionVersion;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    String getPlanCode() {
        return planCode;
    }

    int getVersion() {
        return version;
    }

    YearMonth getEffectiveFrom() {
        return YearMonth.parse(effectiveFrom);
    }

    BigDecimal getTargetPercent() {
        return targetPercent;
    }

    int getClaimWindowDays() {
        return claimWindowDays;
    }

    boolean isAutomaticCredits() {
        return automaticCredits;
    }

    String getDecisionKey() {
        return decisionKey;
    }

    Integer getDecisionVersion() {
        return decisionVersion;
    }
}
