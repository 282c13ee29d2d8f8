package com.sladesk.contract;

import java.math.BigDecimal;

/** A credit tier: a month below {@code belowPercent} earns {@code creditPercent} of the monthly fee. */
public record Tier(BigDecimal belowPercent, int creditPercent) {
}
