package com.sladesk.maintenance;

import com.fasterxml.jackson.annotation.JsonValue;

/** Standard maintenance in the Sunday window, or emergency maintenance for a P1. In JSON as lower case: standard, emergency. */
public enum MaintenanceType {
    STANDARD, EMERGENCY;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    @Override
    public String toString() {
        return value();
    }
}
