package com.sladesk.incident;

import java.time.Instant;
import java.util.List;

/** An incident as the API and pages show it; times are ISO-8601 UTC. */
public record IncidentView(long id, String title, String description, Severity severity, IncidentStatus status,
        List<String> components, Environment environment, Impact impact, Cause cause, Instant openedAt,
        Instant acknowledgedAt, Instant resolvedAt, Instant responseDueAt, Instant resolutionDueAt,
        Instant responseWarnAt, Instant resolutionWarnAt, boolean paused, Instant pausedAt, long pausedMinutes,
        Instant postmortemDueAt, Instant postmortemDoneAt, String postmortemKind, String alertFingerprint, String createdBy,
        List<Breach> breaches, List<Breach> warnings, List<TimelineEntry> timeline, List<String> unmatchedComponents) {

    /** A target that was missed (or, in {@code warnings}, nearly missed): which, at which severity, due when, noticed when. */
    public record Breach(SlaTarget target, Severity severity, Instant dueAt, Instant at) {
    }

    public record TimelineEntry(Instant at, String actor, String action, String detail) {
    }

    /** The next due time that still matters: response while open, resolution while acknowledged. */
    public Instant nextDueAt() {
        return switch (status) {
            case OPEN -> responseDueAt;
            case ACKNOWLEDGED -> paused ? null : resolutionDueAt;
            case RESOLVED -> null;
        };
    }

    public boolean breached() {
        return !breaches.isEmpty();
    }

    /** The response target was missed (the one place reports and calibrations read response attainment from). */
    public boolean responseBreached() {
        return breaches.stream().anyMatch(b -> b.target() == SlaTarget.RESPONSE);
    }
}
