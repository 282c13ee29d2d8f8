package com.sladesk.slaexception;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An SRE's review of an exception request: on to leadership, back to the requester for changes,
 * or rejected. In JSON, forms and the process variable {@code reviewOutcome} as lower case:
 * approve, changes, reject.
 */
public enum ReviewOutcome {
    APPROVE, CHANGES, REJECT;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    /** The outcome named {@code value} (approve, changes or reject, any case); null for anything else. */
    @JsonCreator
    public static ReviewOutcome of(String value) {
        for (ReviewOutcome outcome : values()) {
            if (outcome.value().equalsIgnoreCase(value)) {
                return outcome;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value();
    }
}
