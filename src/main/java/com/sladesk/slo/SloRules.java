package com.sladesk.slo;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Prometheus rules for one SLO: the error ratio recorded over the windows the alerts use, the
 * objective and the budget left over the SLO's window, and multi-window multi-burn-rate alerts —
 * the SRE Workbook's pairs (14.4× over 1 h and 5 min and 6× over 6 h and 30 min page; 3× over 1 d
 * and 2 h and 1× over 3 d and 6 h open a ticket) and the SLA's own burn rates (10× all hands on
 * deck, 5× freeze feature deployments, 2× monitor closely, 1× normal operations).
 */
final class SloRules {

    static final String ERROR_RATIO = "sladesk_slo:sli_error:ratio_rate";
    static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d");

    /** A burn-rate alert: over both windows the error ratio is above {@code factor} × the budget. */
    record Burn(String alert, String factor, String longWindow, String shortWindow, Map<String, String> labels,
            String summary) {
    }

    static final List<Burn> BURNS = List.of(
            new Burn("SloErrorBudgetBurn", "14.4", "1h", "5m", Map.of("severity", "page"),
                    "2% of the error budget spent in an hour"),
            new Burn("SloErrorBudgetBurn", "6", "6h", "30m", Map.of("severity", "page"),
                    "5% of the error budget spent in six hours"),
            new Burn("SloErrorBudgetBurn", "3", "1d", "2h", Map.of("severity", "ticket"),
                    "10% of the error budget spent in a day"),
            new Burn("SloErrorBudgetBurn", "1", "3d", "6h", Map.of("severity", "ticket"),
                    "10% of the error budget spent in three days"),
            new Burn("SlaBurnRate", "10", "1h", "5m", Map.of("severity", "page", "sla_action", "all-hands-on-deck"),
                    "SLA burn rate 10x: ALL HANDS ON DECK (budget gone in 3 days)"),
            new Burn("SlaBurnRate", "5", "6h", "30m", Map.of("severity", "page", "sla_action", "freeze-feature-deployments"),
                    "SLA burn rate 5x: FREEZE FEATURE DEPLOYMENTS (budget gone in 6 days)"),
            new Burn("SlaBurnRate", "2", "1d", "2h", Map.of("severity", "ticket", "sla_action", "monitor-closely"),
                    "SLA burn rate 2x: monitor closely (budget gone in 15 days)"),
            new Burn("SlaBurnRate", "1", "3d", "6h", Map.of("severity", "info", "sla_action", "normal-operations"),
                    "SLA burn rate 1x: normal operations (budget gone in 30 days)"));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    private SloRules() {
    }

    /**
     * The rules file. {@code bounds} are the histogram's bucket bounds around a threshold that is
     * not one (lower, upper), as the evaluator found them; null when the threshold is a bound.
     */
    static String rules(SloView slo, double[] bounds) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("sladesk_slo", slo.name());
        labels.put("sladesk_service", slo.service());
        String selector = "{sladesk_slo=\"" + slo.name() + "\"}";
        String budget = BigDecimal.ONE.subtract(slo.target().movePointLeft(2)).stripTrailingZeros().toPlainString();
        List<Object> recordings = new ArrayList<>();
        for (String window : WINDOWS) {
            recordings.add(rule("record", ERROR_RATIO + window, errorRatio(slo, window, bounds), labels));
        }
        SloWindow window = SloWindow.parse(slo.window());
        String period = window.calendarMonth() ? "30d" : window.days() + "d";
        recordings.add(rule("record", ERROR_RATIO + period + "_period",
                "sum_over_time(" + ERROR_RATIO + "5m" + selector + "[" + period + "])\n/\n"
                        + "count_over_time(" + ERROR_RATIO + "5m" + selector + "[" + period + "])", labels));
        recordings.add(rule("record", "sladesk_slo:objective:ratio",
                "vector(" + slo.target().movePointLeft(2).stripTrailingZeros().toPlainString() + ")", labels));
        recordings.add(rule("record", "sladesk_slo:error_budget:ratio", "vector(" + budget + ")", labels));
        recordings.add(rule("record", "sladesk_slo:error_budget_remaining:ratio",
                "1 - " + ERROR_RATIO + period + "_period" + selector + " / " + budget, labels));
        List<Object> alerts = new ArrayList<>();
        for (Burn burn : BURNS) {
            Map<String, String> alertLabels = new LinkedHashMap<>(labels);
            alertLabels.putAll(new java.util.TreeMap<>(burn.labels()));
            alertLabels.put("burn_rate", burn.factor() + "x");
            alertLabels.put("long_window", burn.longWindow());
            alertLabels.put("short_window", burn.shortWindow());
            String threshold = "(" + burn.factor() + " * " + budget + ")";
            Map<String, Object> alert = rule("alert", burn.alert(),
                    "(" + ERROR_RATIO + burn.longWindow() + selector + " > " + threshold + ")\nand\n("
                            + ERROR_RATIO + burn.shortWindow() + selector + " > " + threshold + ")", alertLabels);
            alert.put("annotations", Map.of("summary", slo.title() + ": " + burn.summary()));
            alerts.add(alert);
        }
        Map<String, Object> file = Map.of("groups", List.of(
                Map.of("name", "sladesk-slo-" + slo.name() + "-recordings", "rules", recordings),
                Map.of("name", "sladesk-slo-" + slo.name() + "-alerts", "rules", alerts)));
        try {
            return "# Generated by SLA Desk for SLO " + slo.name() + " version " + slo.version() + " (target "
                    + slo.target().toPlainString() + "%, window " + slo.window() + ")\n" + YAML.writeValueAsString(file);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SLI's error ratio over {@code window}, from its own queries. */
    static String errorRatio(SloView slo, String window, double[] bounds) {
        SloDefinition.Indicator indicator = slo.indicator();
        return switch (indicator.kind()) {
            case BAD_TOTAL -> "(" + PromQl.rate(indicator.bad(), window) + ")\n/\n(" + PromQl.rate(indicator.total(), window) + ")";
            case GOOD_TOTAL -> "1 - (\n  (" + PromQl.rate(indicator.good(), window) + ")\n  /\n  ("
                    + PromQl.rate(indicator.total(), window) + ")\n)";
            case THRESHOLD -> {
                String h = indicator.histogram();
                String all = "sum(rate(" + PromQl.withMatcher(h, "le=\"+Inf\"") + "[" + window + "]))";
                String good;
                if (bounds == null) {
                    good = bucket(h, indicator.thresholdSeconds(), window);
                } else {
                    String lower = bounds[0] == 0 ? "0" : bucket(h, bounds[0], window);
                    String upper = bucket(h, bounds[1], window);
                    double fraction = (indicator.thresholdSeconds() - bounds[0]) / (bounds[1] - bounds[0]);
                    good = "(" + lower + " + (" + upper + " - " + lower + ") * " + fraction + ")";
                }
                yield "1 - (\n  " + good + "\n  /\n  " + all + "\n)";
            }
        };
    }

    private static String bucket(String histogram, double bound, String window) {
        return "sum(rate(" + PromQl.withMatcher(histogram, "le=~\"" + leForms(bound) + "\"") + "[" + window + "]))";
    }

    /** The ways exporters write a bound ({@code 1} and {@code 1.0}, {@code 0.05}), as one regular expression. */
    static String leForms(double bound) {
        String plain = BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
        String java = Double.toString(bound);
        String withPoint = plain.contains(".") ? plain : plain + ".0";
        java.util.Set<String> forms = new java.util.LinkedHashSet<>(List.of(plain, withPoint, java));
        return String.join("|", forms.stream().map(f -> f.replace(".", "\\\\.").replace("+", "\\\\+")).toList());
    }

    private static Map<String, Object> rule(String kind, String name, String expr, Map<String, String> labels) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put(kind, name);
        rule.put("expr", expr);
        rule.put("labels", labels);
        return rule;
    }
}
