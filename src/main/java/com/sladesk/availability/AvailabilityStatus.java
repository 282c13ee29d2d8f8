package com.sladesk.availability;

import java.math.BigDecimal;

/**
 * SLO section 1, "Status Definitions": Healthy at or above the target (99.9%), Warning from 99.5%
 * (or the target, if lower), Critical below. The one scale for months, days and the status page's
 * bars; {@link #css()} names its colour.
 */
public enum AvailabilityStatus {
    HEALTHY, WARNING, CRITICAL;

    static final BigDecimal WARNING_FROM = new BigDecimal("99.5");

    static AvailabilityStatus of(BigDecimal availabilityPercent, BigDecimal targetPercent) {
        if (availabilityPercent.compareTo(targetPercent) >= 0) {
            return HEALTHY;
        }
        return availabilityPercent.compareTo(WARNING_FROM.min(targetPercent)) >= 0 ? WARNING : CRITICAL;
    }

    /**
     * The same scale for a request-based SLO of any target: Warning while errors are at most five
     * times the target's error rate (99.5–99.9% for 99.9%, the SLA's own band), Critical beyond.
     */
    public static AvailabilityStatus ofObjective(double sliPercent, BigDecimal targetPercent) {
        double errorRate = 100 - targetPercent.doubleValue();
        double errors = 100 - sliPercent;
        if (errors <= errorRate + 1e-10) {
            return HEALTHY;
        }
        return errors <= 5 * errorRate + 1e-10 ? WARNING : CRITICAL;
    }

    /** The style class of this status on a page: ok, minor or major. */
    public String css() {
        return switch (this) {
            case HEALTHY -> "ok";
            case WARNING -> "minor";
            case CRITICAL -> "major";
        };
    }
}
