package com.sladesk.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The credit tier comes from the decision table {@code bpmn/credit/credit-tier.dmn} (the one place the
 * tiers live); the amount is the monthly fee × that percentage, rounded half-up to cents. Each
 * distinct availability is evaluated by the engine once and remembered: the table is fixed while the
 * service runs. {@link #tiers()} reads the same table for the pages that state the tiers.
 */
@Component
public class CreditTiers {

    public static final String DECISION_KEY = "credit-tier";
    private static final Pattern BELOW = Pattern.compile("<\\s*([0-9.]+)|\\[[0-9.]+\\s*\\.\\.\\s*([0-9.]+)\\s*\\[");

    /** A tier as people read it: availability below {@code belowPercent} earns {@code creditPercent} of the fee. */
    public record Tier(BigDecimal belowPercent, int creditPercent) {
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final Map<BigDecimal, Integer> evaluated = new ConcurrentHashMap<>();
    private volatile List<Tier> tiers;

    CreditTiers(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
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

    /**
     * The tiers that earn a credit, highest bound first (below 99.0% → 25%, …), read from the rules of
     * the deployed decision table: each rule's input is {@code < x} or {@code [a..x[}, its output the
     * percentage.
     */
    public List<Tier> tiers() {
        List<Tier> known = tiers;
        if (known == null) {
            DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                    .latestVersion().singleResult();
            DecisionTable table = repository.getDmnModelInstance(definition.getId())
                    .getModelElementsByType(DecisionTable.class).iterator().next();
            List<Tier> read = new ArrayList<>();
            for (Rule rule : table.getRules()) {
                Matcher below = BELOW.matcher(rule.getInputEntries().iterator().next().getText().getTextContent());
                int percent = Integer.parseInt(rule.getOutputEntries().iterator().next().getText().getTextContent().trim());
                if (below.find() && percent > 0) {
                    read.add(new Tier(new BigDecimal(below.group(1) != null ? below.group(1) : below.group(2)), percent));
                }
            }
            read.sort(Comparator.comparing(Tier::belowPercent).reversed());
            tiers = known = List.copyOf(read);
        }
        return known;
    }

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
