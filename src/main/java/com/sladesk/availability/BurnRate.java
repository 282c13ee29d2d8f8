package com.sladesk.availability;

import java.math.BigDecimal;

/**
 * Error Budget Policy, section 2: burn rate = observed downtime fraction / the SLO's error rate
 * (0.1%) over a window, labelled with the SLA's 1x / 2x / 5x / 10x rows.
 */
public record BurnRate(String window, BigDecimal rate, String label, String action) {

    static BurnRate of(String window, BigDecimal rate) {
        if (rate.compareTo(BigDecimal.TEN) >= 0) {
            return new BurnRate(window, rate, "10x", "ALL HANDS ON DECK");
        }
        if (rate.compareTo(BigDecimal.valueOf(5)) >= 0) {
            return new BurnRate(window, rate, "5x", "FREEZE FEATURE DEPLOYMENTS");
        }
        if (rate.compareTo(BigDecimal.valueOf(2)) >= 0) {
            return new BurnRate(window, rate, "2x", "Monitor closely");
        }
        return new BurnRate(window, rate, "1x", "Normal operations");
    }
}
