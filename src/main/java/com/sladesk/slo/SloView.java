package com.sladesk.slo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An SLO as stored: its current definition and version, and whether Prometheus accepts it
 * ({@code state}: PENDING until first checked, VALID, or INVALID with Prometheus's {@code problem}).
 */
public record SloView(long id, String name, String displayName, String description, String service,
        List<String> components, SloDefinition.Indicator indicator, BigDecimal target, String window,
        boolean gatesChanges, int version, String state, String problem, boolean retired, String changedBy,
        Instant changedAt) {

    public SloDefinition definition() {
        return new SloDefinition(name, displayName, description, service, components, indicator, target, window,
                gatesChanges);
    }

    /** What the page shows as the SLO's name. */
    public String title() {
        return displayName == null ? name : displayName;
    }
}
