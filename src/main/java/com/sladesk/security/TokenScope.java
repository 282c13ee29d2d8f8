package com.sladesk.security;

import java.util.Arrays;

import com.sladesk.system.InvalidInputException;

/** What a token may do beside its owner's role: read anything the role reads, or write one resource. */
public enum TokenScope {

    READ("read"), INCIDENTS_WRITE("incidents:write"), CHANGES_WRITE("changes:write"), SLOS_WRITE("slos:write");

    private final String value;

    TokenScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static TokenScope of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInputException("scopes", "unknown",
                        "unknown scope '" + value + "': use read, incidents:write, changes:write or slos:write"));
    }
}
