package com.sladesk.budget;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One burn-rate episode: {@code kind} FREEZE (5x: feature changes frozen) or PAGE (10x: all hands),
 * over {@code window}, from its start until the burn dropped below {@code threshold} again
 * ({@code endedAt} null: still burning).
 */
public record BurnEpisode(long id, String kind, String window, BigDecimal threshold, Instant startedAt,
        BigDecimal startedRate, BigDecimal peakRate, Instant endedAt, BigDecimal endedRate) {

    public boolean active() {
        return endedAt == null;
    }

    /** The change gate's reason while this freeze holds. */
    public String reason() {
        return "The error budget is burning at " + peakRate.stripTrailingZeros().toPlainString() + "x over " + window
                + " (freeze at " + threshold.stripTrailingZeros().toPlainString() + "x, since " + startedAt
                + "): feature changes are frozen until the burn drops.";
    }
}
