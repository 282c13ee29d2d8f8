package com.sladesk.slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sladesk.availability.BudgetPolicy;

/**
 * An SLO's figures over its window at {@code evaluatedAt}. {@code sli}, {@code target} and
 * {@code errorBudget.remainingPercent} are percentages; the budget's {@code total}, {@code consumed}
 * and {@code remaining} are events. {@code sli} and the burn rates are null where the window holds
 * no data; {@code status} is HEALTHY (SLI at or above the target), WARNING (errors up to 5× the
 * budget's rate: 99.5–99.9% for a 99.9% target, as the SLA's availability SLO defines), CRITICAL
 * (beyond), or NO_DATA.
 */
public record SloStatus(long id, String name, BigDecimal target, String window, Instant windowStart,
        BigDecimal sli, BigDecimal goodEvents, BigDecimal totalEvents, ErrorBudget errorBudget,
        Map<String, BigDecimal> burnRates, String status, BudgetPolicy policy, Duration timeLeft,
        long noDataMinutes, long windowMinutes, String state, Instant evaluatedAt) {

    /** The budget in events: {@code total} = (1 − target) × total events; {@code consumed} = bad events. */
    public record ErrorBudget(BigDecimal total, BigDecimal consumed, BigDecimal remaining,
            @JsonProperty("remainingPercent") BigDecimal remainingPercent) {
    }

    public boolean hasData() {
        return sli != null;
    }
}
