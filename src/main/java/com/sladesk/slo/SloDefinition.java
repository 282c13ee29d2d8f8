package com.sladesk.slo;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import com.sladesk.system.InvalidInputException;

/**
 * What an SLO is, as its author writes it: a name and a service (DNS-label style, as OpenSLO
 * names), the components it covers, an indicator, a target in percent, a window, and whether the
 * change gate listens to it.
 *
 * @param indicator the SLI: a ratio of two counter queries or the share of a histogram under a bound
 * @param target    in percent, strictly between 0 and 100
 * @param window    {@code Nd} (rolling N days, 1 to 90) or {@code month} (the calendar month so far)
 */
public record SloDefinition(String name, String displayName, String description, String service,
        List<String> components, Indicator indicator, BigDecimal target, String window, boolean gatesChanges) {

    static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    static final int MAX_QUERY = 4000;
    static final int MAX_WINDOW_DAYS = 90;

    /**
     * The SLI. Exactly one form: {@code good} and {@code total}, {@code bad} and {@code total} (PromQL
     * queries whose values are counters), or {@code histogram} (a {@code _bucket} series selector)
     * and {@code thresholdSeconds} (the share of requests that took at most that long).
     */
    public record Indicator(String good, String bad, String total, String histogram, Double thresholdSeconds) {

        public SliKind kind() {
            if (histogram != null) {
                return SliKind.THRESHOLD;
            }
            return good != null ? SliKind.GOOD_TOTAL : SliKind.BAD_TOTAL;
        }
    }

    /** Checks every field on its own; the service checks what needs the catalogue or Prometheus. */
    SloDefinition checked() {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "format",
                    "a name is 1 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit");
        }
        if (displayName != null && displayName.length() > 200) {
            throw new InvalidInputException("displayName", "length", "at most 200 characters");
        }
        if (description != null && description.length() > 1050) {
            throw new InvalidInputException("description", "length", "at most 1,050 characters");
        }
        if (service == null || !NAME.matcher(service).matches()) {
            throw new InvalidInputException("service", "format",
                    "a service is 1 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit");
        }
        if (components != null && components.size() > 50) {
            throw new InvalidInputException("components", "size", "at most 50 components");
        }
        checkIndicator();
        if (target == null) {
            throw new InvalidInputException("target", "required", "a target in percent is required");
        }
        if (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new InvalidInputException("target", "range", "the target is a percentage strictly between 0 and 100");
        }
        if (target.stripTrailingZeros().scale() > 6) {
            throw new InvalidInputException("target", "scale", "the target has at most 6 decimals");
        }
        SloWindow.parse(window);
        return new SloDefinition(name, blankToNull(displayName), blankToNull(description), service,
                components == null ? List.of() : components.stream().distinct().toList(), trimmed(), target,
                SloWindow.parse(window).text(), gatesChanges);
    }

    private void checkIndicator() {
        if (indicator == null) {
            throw new InvalidInputException("indicator", "required",
                    "an indicator is required: good and total, bad and total, or histogram and thresholdSeconds");
        }
        boolean ratio = indicator.good() != null || indicator.bad() != null || indicator.total() != null;
        boolean threshold = indicator.histogram() != null || indicator.thresholdSeconds() != null;
        if (ratio == threshold) {
            throw new InvalidInputException("indicator", "form",
                    "an indicator is either a ratio (good or bad, and total) or a threshold (histogram and thresholdSeconds)");
        }
        if (ratio) {
            if ((indicator.good() == null) == (indicator.bad() == null)) {
                throw new InvalidInputException("indicator.good", "form", "a ratio has exactly one of good and bad");
            }
            query("indicator.good", indicator.good(), indicator.good() != null);
            query("indicator.bad", indicator.bad(), indicator.bad() != null);
            query("indicator.total", indicator.total(), true);
        } else {
            query("indicator.histogram", indicator.histogram(), true);
            if (indicator.thresholdSeconds() == null || !(indicator.thresholdSeconds() > 0)
                    || indicator.thresholdSeconds().isInfinite()) {
                throw new InvalidInputException("indicator.thresholdSeconds", "range",
                        "the threshold is a positive number of seconds, one of the histogram's bounds or between two of them");
            }
        }
    }

    private static void query(String field, String query, boolean required) {
        if (!required) {
            return;
        }
        if (query == null || query.isBlank()) {
            throw new InvalidInputException(field, "required", "a PromQL query is required");
        }
        if (query.length() > MAX_QUERY) {
            throw new InvalidInputException(field, "length", "a query has at most " + MAX_QUERY + " characters");
        }
    }

    private Indicator trimmed() {
        return new Indicator(trim(indicator.good()), trim(indicator.bad()), trim(indicator.total()),
                trim(indicator.histogram()), indicator.thresholdSeconds());
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
