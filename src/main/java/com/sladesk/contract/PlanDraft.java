package com.sladesk.contract;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** What ADMIN types for a plan or a new version of it. */
public record PlanDraft(String code, String name, BigDecimal targetPercent, List<Tier> tiers, Integer claimWindowDays,
        Boolean automaticCredits, YearMonth effectiveFrom) {
}
