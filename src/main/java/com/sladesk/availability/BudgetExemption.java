package com.sladesk.availability;

import java.time.Instant;
import java.util.Set;

/**
 * What an approved SLA exception exempts from the SLO budget (never from a customer's credit):
 * the downtime of {@code incidentIds} inside [start, end), and, when {@code windowed}, every
 * outage's downtime inside [start, end) on {@code components} (empty: all).
 */
public record BudgetExemption(long exceptionId, Set<Long> incidentIds, boolean windowed, Set<String> components,
        Instant start, Instant end) {
}
