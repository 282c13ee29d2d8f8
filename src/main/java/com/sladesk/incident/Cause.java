package com.sladesk.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import com.sladesk.availability.OutageCause;

/** Recorded at resolution; all but internal are excluded from downtime. In JSON as lower case: internal, third_party, customer, force_majeure. */
public enum Cause {
    INTERNAL, THIRD_PARTY, CUSTOMER, FORCE_MAJEURE;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    /** The same cause as the availability engine decides on it (which causes are excluded from downtime). */
    public OutageCause outageCause() {
        return OutageCause.valueOf(name());
    }

    @Override
    public String toString() {
        return value();
    }
}
