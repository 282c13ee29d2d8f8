package com.sladesk.incident;

import java.time.Instant;

/**
 * A warning or breach timer fired on an incident and was recorded (once per target and kind):
 * {@code kind} WARNING when 75% of the target has passed, BREACH when it was missed.
 */
public record SlaEventRecorded(long incidentId, SlaTarget target, SlaEventKind kind, Instant due) {
}
