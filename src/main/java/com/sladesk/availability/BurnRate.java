package com.sladesk.availability;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error Budget Policy, section 2: burn rate = observed downtime fraction / the SLO's error rate
 * (0.1%) over a window, labelled with the SLA's 1x / 2x / 5x / 10x rows.
 */
public record BurnRate(String window, BigDecimal rate, String label, String action) {

    /** SLA "Error Budget Burn Rates": from this rate on, FREEZE FEATURE DEPLOYMENTS (the burn-rate watch's default too). */
    public static final String FREEZE_RATE = "5";
    /** From this rate on, ALL HANDS ON DECK (the burn-rate watch pages). */
    public static final String ALL_HANDS_RATE = "10";

    /** The windows burn rates are measured over, for the incident-based availability and every SLO. */
    public static final Map<String, Duration> WINDOWS = windows();

    private static Map<String, Duration> windows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("1h", Duration.ofHours(1));
        windows.put("6h", Duration.ofHours(6));
        windows.put("24h", Duration.ofHours(24));
        windows.put("3d", Duration.ofDays(3));
        return Collections.unmodifiableMap(windows);
    }

    static BurnRate of(String window, BigDecimal rate) {
        if (rate.compareTo(new BigDecimal(ALL_HANDS_RATE)) >= 0) {
            return new BurnRate(window, rate, "10x", "ALL HANDS ON DECK");
        }
        if (rate.compareTo(new BigDecimal(FREEZE_RATE)) >= 0) {
            return new BurnRate(window, rate, "5x", "FREEZE FEATURE DEPLOYMENTS");
        }
        if (rate.compareTo(BigDecimal.valueOf(2)) >= 0) {
            return new BurnRate(window, rate, "2x", "Monitor closely");
        }
        return new BurnRate(window, rate, "1x", "Normal operations");
    }
}
