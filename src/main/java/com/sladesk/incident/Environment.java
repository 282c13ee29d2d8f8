package com.sladesk.incident;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the incident happened; staging is outside the SLA. In JSON as lower case: production, staging. */
public enum Environment {
    PRODUCTION, STAGING;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    @Override
    public String toString() {
        return value();
    }
}
