package com.sladesk.incident;

import java.time.Instant;
import java.util.List;

/**
 * What it takes to open an incident; {@code openedAt} null means now, a past time back-fills.
 * {@code unmatchedComponents}: names an alert gave that match no catalogue component, kept and
 * shown to SREs rather than dropped.
 */
public record NewIncident(String title, String description, Severity severity, List<String> components,
        Environment environment, Impact impact, Instant openedAt, String alertFingerprint,
        List<String> unmatchedComponents) {

    public NewIncident(String title, String description, Severity severity, List<String> components,
            Environment environment, Impact impact, Instant openedAt, String alertFingerprint) {
        this(title, description, severity, components, environment, impact, openedAt, alertFingerprint, List.of());
    }

    public NewIncident {
        unmatchedComponents = unmatchedComponents == null ? List.of() : List.copyOf(unmatchedComponents);
    }
}
