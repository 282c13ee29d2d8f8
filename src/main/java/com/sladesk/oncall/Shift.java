package com.sladesk.oncall;

import java.time.Instant;

/**
 * A stretch of the final schedule: {@code username} on call from {@code from} to {@code to}
 * (null: a gap, nobody on call), from a layer (its name) or an override.
 */
public record Shift(String username, Instant from, Instant to, String source) {

    public boolean gap() {
        return username == null;
    }
}
