package com.sladesk.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The credit tier comes from the decision table {@code bpmn/credit/credit-tier.dmn} (the one place the
 * tiers live); the amount is the monthly fee × that percentage, rounded half-up to cents.
 * Each distinct availability is evaluated by the engine once and remembered: the table is fixed
 * while the service runs, and every evaluation writes the engine's decision history, which made
 * each availability read a database write (docs/performance.md).
 */
@Component
public class CreditTiers {

    public static final String DECISION_KEY = "credit-tier";

    private final DecisionService decisions;

    CreditTiers(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The credit percentage (0, 25, 50 or 100) for a month's exact availability. */
    public int percentFor(BigDecimal availabilityPercent) {
        Integer known = evaluated.get(availabilityPercent);
        if (known != null) {
            return known;
        }
        int percent = evaluate(availabilityPercent);
        if (evaluated.size() >= 10_000) {
            evaluated.clear();
        }
        evaluated.put(availabilityPercent, percent);
        return percent;
    }

    private final java.util.Map<BigDecimal, Integer> evaluated = new java.util.concurrent.ConcurrentHashMap<>();

    private int evaluate(BigDecimal availabilityPercent) {
        Object result = decisions.evaluateDecisionTableByKey(DECISION_KEY,
                Variables.createVariables().putValue("availabilityPercent", availabilityPercent.doubleValue()))
                .getSingleResult().getSingleEntry();
        return ((Number) result).intValue();
    }

    public static BigDecimal amount(BigDecimal monthlyFee, int percent) {
        return monthlyFee.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}
