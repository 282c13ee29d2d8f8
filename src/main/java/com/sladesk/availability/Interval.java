package com.sladesk.availability;

import java.time.Duration;
import java.time.Instant;

/** A half-open time interval [start, end). */
public record Interval(Instant start, Instant end) {

    public Interval {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("an interval cannot end before it starts: " + start + " – " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean isEmpty() {
        return !end.isAfter(start);
    }

    /** The part of this interval inside {@code other}; empty when they do not overlap. */
    public Interval clip(Interval other) {
        Instant s = start.isAfter(other.start) ? start : other.start;
        Instant e = end.isBefore(other.end) ? end : other.end;
        return e.isAfter(s) ? new Interval(s, e) : new Interval(s, s);
    }
}
