package com.sladesk.availability;

import java.math.BigDecimal;

/**
 * Error Budget Policy, section 3 "Enforcement": more than 50% of the budget left is NORMAL,
 * 25–50% (both ends included) REDUCED, under 25% FREEZE, nothing left EXHAUSTED.
 */
public enum BudgetPolicy {
    NORMAL("Normal feature deployment pace; standard change management."),
    REDUCED("Deployments at half the usual frequency; changes need additional testing; postmortem for every incident."),
    FREEZE("Non-critical deployments frozen; emergency changes need CTO approval; reliability work only."),
    EXHAUSTED("Complete feature freeze: only P0/P1 fixes, with CTO approval; root cause analysis for every incident.");

    static final BigDecimal FIFTY = new BigDecimal("50");
    static final BigDecimal TWENTY_FIVE = new BigDecimal("25");

    private final String explanation;

    BudgetPolicy(String explanation) {
        this.explanation = explanation;
    }

    /** The one-line explanation of what the tier means for changes. */
    public String explanation() {
        return explanation;
    }

    public static BudgetPolicy of(BigDecimal remainingPercent) {
        return of(remainingPercent, FIFTY, TWENTY_FIVE);
    }

    /** With a calibrated policy version's bounds: REDUCED at or below {@code reducedAt}% left, FREEZE below {@code freezeBelow}%. */
    public static BudgetPolicy of(BigDecimal remainingPercent, BigDecimal reducedAt, BigDecimal freezeBelow) {
        if (remainingPercent.signum() <= 0) {
            return EXHAUSTED;
        }
        if (remainingPercent.compareTo(reducedAt) > 0) {
            return NORMAL;
        }
        return remainingPercent.compareTo(freezeBelow) >= 0 ? REDUCED : FREEZE;
    }
}
