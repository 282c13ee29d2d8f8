package com.sladesk.availability;

import java.time.Instant;

/**
 * One incident as the engine sees it: an outage from {@code start} to {@code end} (null while
 * still open), with what decides whether it counts; {@code betaOnly} when every component it
 * touched is flagged beta.
 */
public record OutageRecord(long incidentId, Instant start, Instant end, boolean production, OutageCause cause,
        boolean betaOnly, Long exemptedBy) {

    /** Not exempted by any SLA exception. */
    public OutageRecord(long incidentId, Instant start, Instant end, boolean production, OutageCause cause,
            boolean betaOnly) {
        this(incidentId, start, end, production, cause, betaOnly, null);
    }

    /** The part of this record from {@code from} to {@code to}, exempted by exception {@code exceptionId} (null: not). */
    OutageRecord part(Instant from, Instant to, Long exceptionId) {
        return new OutageRecord(incidentId, from, to, production, cause, betaOnly, exceptionId);
    }
}
