package com.sladesk.slo;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An SLO over a calendar period (a month, a quarter, a year) rather than its own window: the SLI,
 * the events, the share of the period's budget ((100 − target)% of its events) consumed, and the
 * minutes without data. {@code sli} and {@code budgetConsumedPercent} are null without data.
 */
public record SloPeriod(long id, String name, String title, BigDecimal target, Instant from, Instant to,
        BigDecimal sli, BigDecimal goodEvents, BigDecimal totalEvents, BigDecimal budgetConsumedPercent,
        long noDataMinutes) {
}
