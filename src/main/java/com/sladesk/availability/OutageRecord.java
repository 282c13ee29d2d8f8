package com.sladesk.availability;

import java.time.Instant;

/**
 * One incident as the engine sees it: an outage from {@code start} to {@code end} (null while
 * still open), with what decides whether it counts; {@code betaOnly} when every component it
 * touched is flagged beta.
 */
public record OutageRecord(long incidentId, Instant start, Instant end, boolean production, OutageCause cause,
        boolean betaOnly) {
}
