package com.sladesk.communication;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;
import com.sladesk.system.InvalidInputException;

/** Where an incident stands as its public side tells it; in JSON as lower case. */
public enum PublicStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The status {@code value} names, or a 400 naming {@code field}. */
    public static PublicStatus parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required", "is required: one of " + allowed());
        }
        return Arrays.stream(values()).filter(s -> s.value().equals(value.trim())).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "format",
                        "'" + value + "' is not one of " + allowed()));
    }

    static String allowed() {
        return Arrays.stream(values()).map(PublicStatus::value).collect(Collectors.joining(", "));
    }
}
