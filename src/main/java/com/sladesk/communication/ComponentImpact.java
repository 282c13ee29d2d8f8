package com.sladesk.communication;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;
import com.sladesk.system.InvalidInputException;

/** How badly an incident affects one component, least to worst; in JSON as lower case. */
public enum ComponentImpact {
    DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return value().replace('_', ' ');
    }

    public static ComponentImpact worse(ComponentImpact a, ComponentImpact b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    /** The impact {@code value} names, or a 400 naming {@code field}. */
    public static ComponentImpact parse(String field, String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value == null ? "" : value.trim())).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "format", "'" + value + "' is not one of "
                        + Arrays.stream(values()).map(ComponentImpact::value).collect(Collectors.joining(", "))));
    }
}
