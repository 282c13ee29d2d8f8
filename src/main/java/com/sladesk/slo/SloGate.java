package com.sladesk.slo;

import java.math.BigDecimal;

import com.sladesk.availability.BudgetPolicy;

/** What a gating SLO says to the change gate: its budget policy tier and the share of its budget left. */
public record SloGate(String name, String title, BudgetPolicy policy, BigDecimal remainingPercent) {
}
