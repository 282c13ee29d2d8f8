package com.sladesk.availability;

import java.time.Instant;
import java.util.Set;

/**
 * One incident as the engine sees it: an outage from {@code start} to {@code end} (null while
 * still open), with what decides whether it counts.
 */
public record OutageRecord(long incidentId, Instant start, Instant end, boolean production, String cause,
        Set<String> components) {
}
