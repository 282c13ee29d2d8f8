package com.sladesk.change;

import com.fasterxml.jackson.annotation.JsonValue;

/** In JSON as lower case: feature, fix, emergency. */
public enum ChangeKind {
    FEATURE, FIX, EMERGENCY;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    @Override
    public String toString() {
        return value();
    }
}
