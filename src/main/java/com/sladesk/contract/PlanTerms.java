package com.sladesk.contract;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The terms an organisation's month is judged by: its plan's version in force that month. The
 * credit tiers are the decision table {@code decisionKey} (at {@code decisionVersion}; null: the
 * latest, for the SLA's own table).
 */
public record PlanTerms(String code, String name, int version, YearMonth effectiveFrom, BigDecimal targetPercent,
        int claimWindowDays, boolean automaticCredits, String decisionKey, Integer decisionVersion) {
}
