package com.sladesk.incident;

import java.time.Instant;
import java.util.List;

/** What it takes to open an incident; {@code openedAt} null means now, a past time back-fills. */
public record NewIncident(String title, String description, Severity severity, List<String> components,
        Environment environment, Impact impact, Instant openedAt, String alertFingerprint) {
}
