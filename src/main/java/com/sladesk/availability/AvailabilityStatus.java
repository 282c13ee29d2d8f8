package com.sladesk.availability;

import java.math.BigDecimal;

/** SLO section 1, "Status Definitions": Healthy ≥ 99.9%, Warning 99.5–99.9%, Critical < 99.5%. */
public enum AvailabilityStatus {
    HEALTHY, WARNING, CRITICAL;

    static final BigDecimal HEALTHY_FROM = AvailabilityService.TARGET_PERCENT;
    static final BigDecimal WARNING_FROM = new BigDecimal("99.5");

    public static AvailabilityStatus of(BigDecimal availabilityPercent) {
        if (availabilityPercent.compareTo(HEALTHY_FROM) >= 0) {
            return HEALTHY;
        }
        return availabilityPercent.compareTo(WARNING_FROM) >= 0 ? WARNING : CRITICAL;
    }
}
