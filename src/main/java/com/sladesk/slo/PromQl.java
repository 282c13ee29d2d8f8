package com.sladesk.slo;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL's lexical structure to rewrite a counter query: every instant vector
 * selector ({@code name}, {@code name{…}}, {@code {…}}) that is not already a range becomes its
 * rate over a window, or its exact increase in a minute. For the queries an SLI holds — sums of
 * counters, with {@code by}, {@code +} and {@code or vector(0)} — the result is the rate (or the
 * increase) of the same sum.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan",
            // aggregation operators, which may be followed by "by (…)" before their parenthesis
            "sum", "avg", "min", "max", "count", "group", "stddev", "stdvar", "topk", "bottomk", "quantile",
            "count_values", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    static final Pattern SELECTOR = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})?", Pattern.DOTALL);

    private PromQl() {
    }

    /** {@code query} with each instant selector replaced by its rate over {@code window} (e.g. {@code 5m}). */
    static String rate(String query, String window) {
        return replaceSelectors(query, s -> "rate(" + s + "[" + window + "])");
    }

    /**
     * {@code query} with each counter selector replaced by each series' exact increase in the minute
     * ending at the evaluation time: the difference from a minute before where it did not drop, the
     * new value where it did (a reset), nothing for a series a minute before did not have. No
     * extrapolation, unlike {@code increase()}; the sums of these minutes are the true event counts.
     */
    static String minuteIncrease(String query) {
        return replaceSelectors(query, s -> "(((" + s + " - " + s + " offset 1m) >= 0) or ((" + s + " and " + s
                + " offset 1m) + 0))");
    }

    /** {@code query} with each instant vector selector not already a range replaced. */
    static String replaceSelectors(String query, java.util.function.UnaryOperator<String> replacement) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = skipString(query, i);
                out.append(query, i, end);
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(query.charAt(i + 1)))) {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(query.charAt(end)) || query.charAt(end) == '.'
                        || query.charAt(end) == '_')) {
                    end++;
                }
                out.append(query, i, end);
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(query.charAt(end)) || query.charAt(end) == '_'
                        || query.charAt(end) == ':')) {
                    end++;
                }
                String word = query.substring(i, end);
                int next = skipSpaces(query, end);
                String lower = word.toLowerCase(Locale.ROOT);
                if (LABEL_LISTS.contains(lower) && next < n && query.charAt(next) == '(') {
                    int close = query.indexOf(')', next);
                    close = close < 0 ? n : close + 1;
                    out.append(query, i, close);
                    i = close;
                } else if (KEYWORDS.contains(lower) || (next < n && query.charAt(next) == '(')) {
                    out.append(word);
                    i = end;
                } else {
                    int selectorEnd = next < n && query.charAt(next) == '{' ? skipBraces(query, next) : end;
                    i = wrap(query, i, selectorEnd, replacement, out);
                }
            } else if (c == '{') {
                i = wrap(query, i, skipBraces(query, i), replacement, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code selector} (a plain series selector) with one more label matcher. */
    static String withMatcher(String selector, String matcher) {
        String trimmed = selector.trim();
        if (trimmed.endsWith("}")) {
            String inside = trimmed.substring(trimmed.indexOf('{') + 1, trimmed.length() - 1).trim();
            return trimmed.substring(0, trimmed.indexOf('{')) + "{" + (inside.isEmpty() ? "" : inside + ", ") + matcher + "}";
        }
        return trimmed + "{" + matcher + "}";
    }

    private static int wrap(String query, int start, int end, java.util.function.UnaryOperator<String> replacement,
            StringBuilder out) {
        String selector = query.substring(start, end);
        int next = skipSpaces(query, end);
        if (next < query.length() && query.charAt(next) == '[') {
            out.append(selector);
        } else {
            out.append(replacement.apply(selector));
        }
        return end;
    }

    private static int skipBraces(String query, int open) {
        int i = open + 1;
        while (i < query.length() && query.charAt(i) != '}') {
            char c = query.charAt(i);
            i = c == '"' || c == '\'' || c == '`' ? skipString(query, i) : i + 1;
        }
        return Math.min(i + 1, query.length());
    }

    private static int skipString(String query, int open) {
        char quote = query.charAt(open);
        int i = open + 1;
        while (i < query.length() && query.charAt(i) != quote) {
            i += query.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return Math.min(i + 1, query.length());
    }

    private static int skipSpaces(String query, int from) {
        int i = from;
        while (i < query.length() && Character.isWhitespace(query.charAt(i))) {
            i++;
        }
        return i;
    }
}
