package com.sladesk.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sladesk.system.InvalidInputException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit tiers of each plan are a decision table a reviewer reads (in Cockpit, or
 * {@code bpmn/credit/credit-tier.dmn} for the SLA's own): the SLA's is deployed from the file, a
 * plan ADMIN defines gets its table generated and deployed, one decision key per plan
 * ({@code credit-tier-<plan>}) and a deployed version per plan version. A month is judged by the
 * version its plan version names, so changing a plan never changes a past month.
 */
@Component
public class CreditTierTables {

    /** The SLA's own table (bpmn/credit/credit-tier.dmn): the standard plan's tiers. */
    public static final String STANDARD_KEY = "credit-tier";
    private static final Pattern BELOW = Pattern.compile("<\\s*([0-9.]+)|\\[[0-9.]+\\s*\\.\\.\\s*([0-9.]+)\\s*\\[");

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final Map<String, Integer> evaluated = new ConcurrentHashMap<>();
    private final Map<String, List<Tier>> read = new ConcurrentHashMap<>();

    CreditTierTables(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /**
     * The credit percentage for a month's exact availability under table {@code key} at {@code version}
     * (null: latest). Evaluated outside the caller's transaction: the engine records each evaluation
     * in its history, which a read-only transaction (a page, the API) would refuse on PostgreSQL.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int percentFor(String key, Integer version, BigDecimal availabilityPercent) {
        DecisionDefinition definition = definition(key, version);
        String memo = definition.getId() + "|" + availabilityPercent.toPlainString();
        Integer known = evaluated.get(memo);
        if (known != null) {
            return known;
        }
        // one evaluation at a time: each holds a database connection, and the first of a table parses
        // it under the engine's cache lock; a node that started cold into load had every pooled
        // connection held by requests waiting on that lock, and stopped answering (issue #21)
        synchronized (evaluating) {
            known = evaluated.get(memo);
            if (known != null) {
                return known;
            }
            Object result = decisions.evaluateDecisionTableById(definition.getId(),
                    Variables.createVariables().putValue("availabilityPercent", availabilityPercent.doubleValue()))
                    .getSingleResult().getSingleEntry();
            int percent = ((Number) result).intValue();
            if (evaluated.size() >= 10_000) {
                evaluated.clear();
            }
            evaluated.put(memo, percent);
            return percent;
        }
    }

    private final Object evaluating = new Object();

    /**
     * Parses and evaluates the SLA's own table once, before the node takes traffic (called at start
     * by {@link Warmup}): the first evaluation of a table parses it, and under load that was where a
     * cold node stalled (issue #21).
     */
    void warmUp() {
        percentFor(STANDARD_KEY, null, new BigDecimal("99.95"));
    }

    @Component
    static class Warmup implements org.springframework.boot.ApplicationRunner {

        private final CreditTierTables tables;

        Warmup(CreditTierTables tables) {
            this.tables = tables;
        }

        @Override
        public void run(org.springframework.boot.ApplicationArguments args) {
            tables.warmUp();
        }
    }

    /**
     * The tiers that earn a credit, highest bound first, read from the table's rules: each rule's
     * input is {@code < x} or {@code [a..x[}, its output the percentage.
     */
    public List<Tier> tiers(String key, Integer version) {
        DecisionDefinition definition = definition(key, version);
        return read.computeIfAbsent(definition.getId(), id -> {
            DecisionTable table = repository.getDmnModelInstance(id).getModelElementsByType(DecisionTable.class)
                    .iterator().next();
            List<Tier> tiers = new ArrayList<>();
            for (Rule rule : table.getRules()) {
                Matcher below = BELOW.matcher(rule.getInputEntries().iterator().next().getText().getTextContent());
                int percent = Integer.parseInt(rule.getOutputEntries().iterator().next().getText().getTextContent().trim());
                if (below.find() && percent > 0) {
                    tiers.add(new Tier(new BigDecimal(below.group(1) != null ? below.group(1) : below.group(2)), percent));
                }
            }
            tiers.sort(Comparator.comparing(Tier::belowPercent).reversed());
            return List.copyOf(tiers);
        });
    }

    /**
     * Checks {@code tiers} against {@code targetPercent}: each bound in (0, target], distinct, and the
     * lower the bound the larger the credit (1–100%); a 400 naming {@code tiers} and the rule otherwise.
     * Returns them highest bound first.
     */
    static List<Tier> check(List<Tier> tiers, BigDecimal targetPercent) {
        if (tiers == null || tiers.isEmpty()) {
            throw new InvalidInputException("tiers", "required", "a plan needs at least one credit tier");
        }
        List<Tier> sorted = new ArrayList<>(tiers);
        for (Tier tier : sorted) {
            if (tier == null || tier.belowPercent() == null) {
                throw new InvalidInputException("tiers", "required", "each tier needs belowPercent and creditPercent");
            }
            if (tier.belowPercent().signum() <= 0 || tier.belowPercent().compareTo(targetPercent) > 0) {
                throw new InvalidInputException("tiers", "range", "a tier's bound must be above 0 and at most the target "
                        + targetPercent.stripTrailingZeros().toPlainString() + "%: " + tier.belowPercent().toPlainString());
            }
            if (tier.creditPercent() < 1 || tier.creditPercent() > 100) {
                throw new InvalidInputException("tiers", "range", "a tier's credit must be 1 to 100% of the fee");
            }
        }
        sorted.sort(Comparator.comparing(Tier::belowPercent).reversed());
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).belowPercent().compareTo(sorted.get(i - 1).belowPercent()) == 0
                    || sorted.get(i).creditPercent() <= sorted.get(i - 1).creditPercent()) {
                throw new InvalidInputException("tiers", "ordered",
                        "tiers must be ordered: each lower bound earns a larger credit, and no bound twice");
            }
        }
        return List.copyOf(sorted);
    }

    /** Deploys {@code tiers} (checked) as the next version of plan {@code planCode}'s table; returns key and version. */
    Deployed deploy(String planCode, String planName, List<Tier> tiers) {
        String key = STANDARD_KEY + "-" + planCode;
        String xml = dmn(key, planName, tiers);
        repository.createDeployment().name("credit tiers of plan " + planCode).addString(key + ".dmn", xml)
                .enableDuplicateFiltering(false).deploy();
        latestVersions.remove(key);
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        return new Deployed(key, latest.getVersion());
    }

    record Deployed(String key, int version) {
    }

    private DecisionDefinition definition(String key, Integer version) {
        // a deployed version never changes: kept; the latest is asked again after a second
        // (a plan ADMIN changes deploys a new one)
        if (version != null) {
            DecisionDefinition kept = versions.get(key + "|" + version);
            if (kept != null) {
                return kept;
            }
        }
        else {
            Latest latest = latestVersions.get(key);
            if (latest != null && System.nanoTime() - latest.at() < LATEST_FOR_NANOS) {
                return latest.definition();
            }
        }
        var query = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key);
        DecisionDefinition definition = version == null ? query.latestVersion().singleResult()
                : query.decisionDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new IllegalStateException("no credit-tier decision " + key + " version " + version);
        }
        if (version != null) {
            versions.put(key + "|" + version, definition);
        }
        else {
            latestVersions.put(key, new Latest(definition, System.nanoTime()));
        }
        return definition;
    }

    private record Latest(DecisionDefinition definition, long at) {
    }

    private static final long LATEST_FOR_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    private final Map<String, DecisionDefinition> versions = new ConcurrentHashMap<>();
    private final Map<String, Latest> latestVersions = new ConcurrentHashMap<>();

    /** The decision table, lowest bound first: below the lowest its credit, then each band, then none. */
    static String dmn(String key, String planName, List<Tier> highestFirst) {
        List<Tier> ascending = new ArrayList<>(highestFirst);
        ascending.sort(Comparator.comparing(Tier::belowPercent));
        StringBuilder rules = new StringBuilder();
        BigDecimal previous = null;
        int n = 0;
        for (Tier tier : ascending) {
            String bound = plain(tier.belowPercent());
            String entry = previous == null ? "&lt; " + bound : "[" + plain(previous) + ".." + bound + "[";
            rules.append(rule(++n, (previous == null ? "&lt; " : "below ") + bound + "%: " + tier.creditPercent()
                    + "% of the monthly fee", entry, tier.creditPercent()));
            previous = tier.belowPercent();
        }
        rules.append(rule(++n, plain(previous) + "% or better: no credit", "&gt;= " + plain(previous), 0));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_%1$s" name="SLA credit tiers of %2$s" namespace="https://sla-desk.example/dmn">
                  <decision id="%1$s" name="SLA credit tier (%2$s)" camunda:historyTimeToLive="P400D">
                    <description>Credit tiers of the SLA plan %2$s, generated from what ADMIN entered. Strict bounds: exactly a bound earns the next tier up.</description>
                    <decisionTable id="DecisionTable_%1$s" hitPolicy="UNIQUE">
                      <input id="Input_MonthlyAvailability" label="Monthly availability (%%)">
                        <inputExpression id="InputExpression_MonthlyAvailability" typeRef="double"><text>availabilityPercent</text></inputExpression>
                      </input>
                      <output id="Output_CreditPercent" label="Credit (%% of monthly fee)" name="creditPercent" typeRef="integer" />
                %3$s    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key, xmlText(planName), rules);
    }

    private static String rule(int n, String description, String entry, int percent) {
        return """
                      <rule id="Rule_%1$d">
                        <description>%2$s</description>
                        <inputEntry id="InputEntry_%1$d"><text>%3$s</text></inputEntry>
                        <outputEntry id="OutputEntry_%1$d"><text>%4$d</text></outputEntry>
                      </rule>
                """.formatted(n, description.replace("<", "&lt;"), entry, percent);
    }

    private static String plain(BigDecimal value) {
        String text = value.stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The credit for {@code percent} of {@code monthlyFee}, rounded half-up to cents. */
    public static BigDecimal amount(BigDecimal monthlyFee, int percent) {
        return monthlyFee.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}
