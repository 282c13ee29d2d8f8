package com.sladesk.availability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Availability of one period (a calendar month or a rolling window) against the 99.9% target.
 * Percentages carry 3 decimals (availability is truncated, never rounded up into a better status),
 * minutes 1 decimal.
 */
public record AvailabilityReport(String period, Instant from, Instant to, Instant asOf, BigDecimal targetPercent,
        BigDecimal totalMinutes, BigDecimal downtimeMinutes, BigDecimal excludedMinutes,
        BigDecimal availabilityPercent, BigDecimal errorBudgetMinutes, BigDecimal errorBudgetRemainingMinutes,
        BigDecimal errorBudgetRemainingPercent, AvailabilityStatus status, BudgetPolicy policy,
        List<BurnRate> burnRates, List<Exclusion> exclusions,
        @JsonIgnore BigDecimal exactAvailabilityPercent) {
}
