package com.sladesk.calibration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The SRE lead's reviewed policy: null fields keep the proposal's. */
public record Adjustment(BigDecimal targetPercent, BigDecimal reducedAtPercent, BigDecimal freezeBelowPercent,
        Map<String, String> responseTargets, LocalDate effectiveFrom, String comment) {
}
