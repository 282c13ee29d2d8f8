package com.sladesk.slo;

import java.math.BigDecimal;
import java.util.List;

/**
 * An SLO's window in steps (days, or hours for a window of a day or two): the SLI of each step
 * (null: no data), the budget consumed so far in percent, and the minutes without data.
 */
public record SloChart(String step, List<String> labels, List<BigDecimal> sli, List<BigDecimal> budgetConsumed,
        List<Long> gapMinutes) {

    public long totalGapMinutes() {
        return gapMinutes.stream().mapToLong(Long::longValue).sum();
    }
}
