package com.sladesk.incident;

import java.time.Instant;
import java.util.Set;

import com.sladesk.availability.OutageEvent;

/** An incident was opened (by a person, or by Alertmanager as {@code actor} "alertmanager"). */
public record IncidentOpened(long incidentId, Severity severity, Impact impact, Set<String> components,
        Instant openedAt, String actor, String title, Environment environment) implements OutageEvent {
}
