package com.sladesk.slo;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.sladesk.system.InvalidInputException;

/**
 * OpenSLO v1 ({@code apiVersion: openslo/v1}, {@code kind: SLO}) in and out. What SLA Desk can
 * run is read: an inline indicator with a {@code ratioMetric} (counters, good or bad over total) or
 * a {@code thresholdMetric} (a histogram's bucket series, {@code op: lte}), one objective, one
 * {@code timeWindow} (rolling days, or the calendar month in UTC), {@code budgetingMethod:
 * Occurrences}, Prometheus as the metric source; the components in the label {@code components};
 * whether it gates changes in the annotation {@code sladesk.io/gates-changes}. Any other field
 * is refused by name, never dropped.
 */
final class OpenSlo {

    static final String GATES_CHANGES = "sladesk.io/gates-changes";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    private static final Pattern DAYS = Pattern.compile("(\\d+)([dw])");

    private OpenSlo() {
    }

    /** Every SLO document of a (multi-document) YAML text. */
    static List<SloDefinition> read(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text); MappingIterator<JsonNode> all = YAML.readValues(parser, JsonNode.class)) {
            while (all.hasNext()) {
                JsonNode document = all.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        catch (IOException | RuntimeException e) {
            throw new InvalidInputException("document", "yaml", "not YAML: " + firstLine(e.getMessage()));
        }
        if (documents.isEmpty()) {
            throw new InvalidInputException("document", "required", "the document holds no SLO");
        }
        List<SloDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            definitions.add(new Reader(documents.size() == 1 ? "" : "[" + i + "].").slo(documents.get(i)));
        }
        return definitions;
    }

    /** The SLOs as one multi-document OpenSLO text. */
    static String write(List<SloView> slos) {
        StringBuilder out = new StringBuilder();
        for (SloView slo : slos) {
            try {
                out.append("---\n").append(YAML.writeValueAsString(document(slo)));
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    private static Map<String, Object> document(SloView slo) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", slo.name());
        if (slo.displayName() != null) {
            metadata.put("displayName", slo.displayName());
        }
        if (!slo.components().isEmpty()) {
            metadata.put("labels", Map.of("components", slo.components()));
        }
        metadata.put("annotations", Map.of(GATES_CHANGES, Boolean.toString(slo.gatesChanges())));
        Map<String, Object> spec = new LinkedHashMap<>();
        if (slo.description() != null) {
            spec.put("description", slo.description());
        }
        spec.put("service", slo.service());
        Map<String, Object> indicatorSpec = new LinkedHashMap<>();
        SloDefinition.Indicator indicator = slo.indicator();
        Map<String, Object> objective = new LinkedHashMap<>();
        if (indicator.kind() == SliKind.THRESHOLD) {
            indicatorSpec.put("thresholdMetric", source(indicator.histogram()));
            objective.put("op", "lte");
            objective.put("value", indicator.thresholdSeconds());
        } else {
            Map<String, Object> ratio = new LinkedHashMap<>();
            ratio.put("counter", true);
            if (indicator.good() != null) {
                ratio.put("good", source(indicator.good()));
            } else {
                ratio.put("bad", source(indicator.bad()));
            }
            ratio.put("total", source(indicator.total()));
            indicatorSpec.put("ratioMetric", ratio);
        }
        spec.put("indicator", Map.of("metadata", Map.of("name", slo.name() + "-sli"), "spec", indicatorSpec));
        SloWindow window = SloWindow.parse(slo.window());
        spec.put("timeWindow", List.of(window.calendarMonth()
                ? Map.of("duration", "1M", "isRolling", false,
                        "calendar", Map.of("startTime", "2020-01-01 00:00:00", "timeZone", "UTC"))
                : Map.of("duration", window.days() + "d", "isRolling", true)));
        spec.put("budgetingMethod", "Occurrences");
        objective.put("target", slo.target().movePointLeft(2).stripTrailingZeros());
        spec.put("objectives", List.of(objective));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", "openslo/v1");
        document.put("kind", "SLO");
        document.put("metadata", metadata);
        document.put("spec", spec);
        return document;
    }

    private static Map<String, Object> source(String query) {
        return Map.of("metricSource", Map.of("type", "Prometheus", "spec", Map.of("query", query)));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Reads one document, refusing what it does not know by its path. */
    private record Reader(String prefix) {

        SloDefinition slo(JsonNode root) {
            object(root, "", Set.of("apiVersion", "kind", "metadata", "spec"));
            if (!"openslo/v1".equals(root.path("apiVersion").asText())) {
                throw refused("apiVersion", "version", "only openslo/v1 is read");
            }
            if (!"SLO".equals(root.path("kind").asText())) {
                throw refused("kind", "unsupported", "only kind SLO is read (inline the SLI in spec.indicator)");
            }
            JsonNode metadata = object(root.path("metadata"), "metadata", Set.of("name", "displayName", "labels", "annotations"));
            List<String> components = List.of();
            if (metadata.has("labels")) {
                JsonNode labels = object(metadata.get("labels"), "metadata.labels", Set.of("components"));
                components = strings(labels.path("components"), "metadata.labels.components");
            }
            boolean gates = false;
            if (metadata.has("annotations")) {
                JsonNode annotations = object(metadata.get("annotations"), "metadata.annotations", Set.of(GATES_CHANGES));
                String value = annotations.path(GATES_CHANGES).asText("false");
                if (!value.equals("true") && !value.equals("false")) {
                    throw refused("metadata.annotations." + GATES_CHANGES, "format", "true or false");
                }
                gates = value.equals("true");
            }
            JsonNode spec = object(root.path("spec"), "spec",
                    Set.of("description", "service", "indicator", "timeWindow", "budgetingMethod", "objectives"));
            if (!"Occurrences".equals(spec.path("budgetingMethod").asText())) {
                throw refused("spec.budgetingMethod", "unsupported", "only Occurrences is evaluated (events, not time slices)");
            }
            JsonNode indicator = object(spec.path("indicator"), "spec.indicator", Set.of("metadata", "spec"));
            if (indicator.has("metadata")) {
                object(indicator.get("metadata"), "spec.indicator.metadata", Set.of("name"));
            }
            JsonNode sli = object(indicator.path("spec"), "spec.indicator.spec", Set.of("ratioMetric", "thresholdMetric"));
            JsonNode objectives = spec.path("objectives");
            if (!objectives.isArray() || objectives.size() != 1) {
                throw refused("spec.objectives", "size", "exactly one objective an SLO (write one SLO per objective)");
            }
            JsonNode objective = object(objectives.get(0), "spec.objectives[0]",
                    Set.of("displayName", "target", "targetPercent", "op", "value"));
            String displayName = text(metadata, "displayName");
            String objectiveName = text(objective, "displayName");
            if (objectiveName != null && displayName != null && !objectiveName.equals(displayName)) {
                throw refused("spec.objectives[0].displayName", "unsupported",
                        "an objective's display name is the SLO's; leave it out or make it equal metadata.displayName");
            }
            SloDefinition.Indicator parsed;
            if (sli.has("ratioMetric") == sli.has("thresholdMetric")) {
                throw refused("spec.indicator.spec", "form", "exactly one of ratioMetric and thresholdMetric");
            }
            if (sli.has("ratioMetric")) {
                JsonNode ratio = object(sli.get("ratioMetric"), "spec.indicator.spec.ratioMetric",
                        Set.of("counter", "good", "bad", "total"));
                if (!ratio.path("counter").asBoolean(false)) {
                    throw refused("spec.indicator.spec.ratioMetric.counter", "unsupported",
                            "only counters (counter: true) are evaluated");
                }
                if (objective.has("op") || objective.has("value")) {
                    throw refused("spec.objectives[0].op", "unsupported", "op and value belong to a thresholdMetric");
                }
                parsed = new SloDefinition.Indicator(query(ratio, "good"), query(ratio, "bad"), query(ratio, "total"),
                        null, null);
                if (parsed.total() == null) {
                    throw refused("spec.indicator.spec.ratioMetric.total", "required", "a ratio needs total");
                }
            } else {
                String path = "spec.indicator.spec.thresholdMetric";
                String histogram = source(object(sli.get("thresholdMetric"), path, Set.of("metricSource")), path);
                String op = text(objective, "op");
                if (!"lte".equals(op) && !"lt".equals(op)) {
                    throw refused("spec.objectives[0].op", "unsupported",
                            "a threshold counts the requests at most as long as the value: op is lte (or lt)");
                }
                if (!objective.path("value").isNumber()) {
                    throw refused("spec.objectives[0].value", "required", "the threshold in seconds, a number");
                }
                parsed = new SloDefinition.Indicator(null, null, null, histogram, objective.get("value").asDouble());
            }
            BigDecimal target;
            if (objective.has("target") == objective.has("targetPercent")) {
                throw refused("spec.objectives[0].target", "required", "exactly one of target (0 to 1) and targetPercent");
            }
            if (objective.has("target")) {
                target = decimal(objective.get("target"), "spec.objectives[0].target").movePointRight(2);
            } else {
                target = decimal(objective.get("targetPercent"), "spec.objectives[0].targetPercent");
            }
            return new SloDefinition(text(metadata, "name"), displayName != null ? displayName : objectiveName,
                    text(spec, "description"), text(spec, "service"), components, parsed, target, window(spec), gates);
        }

        private String window(JsonNode spec) {
            JsonNode windows = spec.path("timeWindow");
            if (!windows.isArray() || windows.size() != 1) {
                throw refused("spec.timeWindow", "size", "exactly one time window");
            }
            JsonNode window = object(windows.get(0), "spec.timeWindow[0]", Set.of("duration", "isRolling", "calendar"));
            String duration = window.path("duration").asText("");
            boolean rolling = window.path("isRolling").asBoolean(!window.has("calendar"));
            if (!rolling) {
                JsonNode calendar = object(window.path("calendar"), "spec.timeWindow[0].calendar",
                        Set.of("startTime", "timeZone"));
                String zone = calendar.path("timeZone").asText("UTC");
                if (!zone.equals("UTC") && !zone.equals("Etc/UTC")) {
                    throw refused("spec.timeWindow[0].calendar.timeZone", "unsupported", "calendar windows are in UTC");
                }
                String start = calendar.path("startTime").asText("");
                if (!start.isEmpty() && !start.matches("\\d{4}-\\d{2}-01[ T]00:00(:00)?")) {
                    throw refused("spec.timeWindow[0].calendar.startTime", "unsupported",
                            "a calendar month starts on the 1st at 00:00");
                }
                if (!duration.equals("1M")) {
                    throw refused("spec.timeWindow[0].duration", "unsupported", "a calendar window is one month (1M)");
                }
                return "month";
            }
            if (window.has("calendar")) {
                throw refused("spec.timeWindow[0].calendar", "unsupported", "a rolling window has no calendar");
            }
            Matcher days = DAYS.matcher(duration);
            if (!days.matches()) {
                throw refused("spec.timeWindow[0].duration", "format", "a rolling window is Nd or Nw, up to 90 days");
            }
            long n = Long.parseLong(days.group(1)) * (days.group(2).equals("w") ? 7 : 1);
            if (n < 1 || n > SloDefinition.MAX_WINDOW_DAYS) {
                throw refused("spec.timeWindow[0].duration", "range", "a rolling window is 1 to 90 days");
            }
            return n + "d";
        }

        private String query(JsonNode ratio, String part) {
            if (!ratio.has(part)) {
                return null;
            }
            String path = "spec.indicator.spec.ratioMetric." + part;
            return source(object(ratio.get(part), path, Set.of("metricSource")), path);
        }

        private String source(JsonNode holder, String path) {
            JsonNode source = object(holder.path("metricSource"), path + ".metricSource", Set.of("type", "spec"));
            String type = source.path("type").asText("Prometheus");
            if (!type.toLowerCase(Locale.ROOT).equals("prometheus")) {
                throw refused(path + ".metricSource.type", "unsupported", "only Prometheus (and what answers its API) is read");
            }
            JsonNode spec = object(source.path("spec"), path + ".metricSource.spec", Set.of("query"));
            String query = text(spec, "query");
            if (query == null) {
                throw refused(path + ".metricSource.spec.query", "required", "a PromQL query");
            }
            return query;
        }

        private JsonNode object(JsonNode node, String path, Set<String> known) {
            if (node == null || !node.isObject()) {
                throw refused(path.isEmpty() ? "document" : path, "required", "an object is required here");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!known.contains(name)) {
                    String field = path.isEmpty() ? name : path + "." + name;
                    throw refused(field, "unsupported", "SLA Desk does not support " + field + " (it reads "
                            + String.join(", ", known.stream().sorted().toList()) + " here)");
                }
            }
            return node;
        }

        private List<String> strings(JsonNode node, String path) {
            if (node.isTextual()) {
                return List.of(node.asText());
            }
            if (!node.isArray()) {
                throw refused(path, "format", "a list of component codes");
            }
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(v.asText()));
            return values;
        }

        private BigDecimal decimal(JsonNode node, String path) {
            try {
                return new BigDecimal(node.asText());
            }
            catch (NumberFormatException e) {
                throw refused(path, "format", "a number");
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        private InvalidInputException refused(String field, String rule, String message) {
            return new InvalidInputException(prefix + field, rule, message);
        }
    }
}
