package com.sladesk.availability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One version of the SLA policy (document control, "Annual SLO Calibration"): from
 * {@code effectiveFrom} (the first day of a month) the monthly availability target, the tiers'
 * bounds (REDUCED at or below {@code reducedAtPercent} of the budget left, FREEZE below
 * {@code freezeBelowPercent}) and the response/resolution targets per severity ("P1" →
 * "PT1H/PT4H"; empty: the configured ones), and who approved it.
 */
public record SlaPolicyVersion(int version, LocalDate effectiveFrom, BigDecimal targetPercent, BigDecimal reducedAtPercent,
        BigDecimal freezeBelowPercent, Map<String, String> responseTargets, String sreLead, String vpEngineering,
        Instant approvedAt, String rationale) {
}
