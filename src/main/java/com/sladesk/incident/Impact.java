package com.sladesk.incident;

import com.fasterxml.jackson.annotation.JsonValue;

/** What users felt; only outages count as downtime. In JSON as lower case: outage, degraded, none. */
public enum Impact {
    OUTAGE, DEGRADED, NONE;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    @Override
    public String toString() {
        return value();
    }
}
