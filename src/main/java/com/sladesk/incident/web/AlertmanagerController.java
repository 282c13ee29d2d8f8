package com.sladesk.incident.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's webhook (payload version 4): a firing alert opens an incident, a repeat of the
 * same alert (same fingerprint) while it is open does not, and a resolved alert resolves it.
 */
@RestController
class AlertmanagerController {

    private static final String ACTOR = "alertmanager";

    private final IncidentService incidents;
    private final ComponentCatalogue catalogue;
    private final Clock clock;

    AlertmanagerController(IncidentService incidents, ComponentCatalogue catalogue, Clock clock) {
        this.incidents = incidents;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Webhook(@NotNull @Pattern(regexp = "4", message = "must be 4 (Alertmanager webhook payload version 4)") String version,
            String status, @NotNull @Size(max = 1000) List<@Valid @NotNull Alert> alerts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Alert(@NotNull @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
            @NotNull Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt,
            @Size(max = 200) String fingerprint) {
    }

    record Outcome(List<Long> opened, List<Long> repeated, List<Long> resolved, int ignored) {
    }

    @PostMapping("/api/alertmanager")
    Outcome receive(@RequestBody @Valid Webhook webhook) {
        List<Long> opened = new ArrayList<>();
        List<Long> repeated = new ArrayList<>();
        List<Long> resolved = new ArrayList<>();
        int ignored = 0;
        Instant now = clock.instant();
        for (Alert alert : webhook.alerts()) {
            String fingerprint = fingerprint(alert);
            var open = incidents.findOpenByAlertFingerprint(fingerprint);
            if ("firing".equals(alert.status())) {
                if (open.isPresent()) {
                    repeated.add(open.get().id());
                    continue;
                }
                opened.add(incidents.open(newIncident(alert, fingerprint, now), ACTOR).id());
            }
            else if (open.isPresent()) {
                IncidentView incident = open.get();
                Instant endsAt = alert.endsAt() == null || alert.endsAt().isAfter(now)
                        || alert.endsAt().isBefore(incident.openedAt()) ? now : alert.endsAt();
                resolved.add(incidents.resolve(incident.id(), endsAt, Cause.INTERNAL, ACTOR).id());
            }
            else {
                ignored++;
            }
        }
        return new Outcome(opened, repeated, resolved, ignored);
    }

    private NewIncident newIncident(Alert alert, String fingerprint, Instant now) {
        Map<String, String> labels = alert.labels();
        Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
        Severity severity = switch (labels.getOrDefault("severity", "")) {
            case "critical" -> Severity.P1;
            case "warning" -> Severity.P2;
            default -> Severity.P3;
        };
        // the component label names a component by code or name, case-insensitively; one the
        // catalogue does not know is kept on the incident as unmatched, for an SRE to see
        String component = labels.get("component") == null ? null : labels.get("component").trim();
        var matched = catalogue.findByCodeOrName(component).map(c -> c.code());
        List<String> components = matched.map(List::of).orElse(List.of());
        List<String> unmatched = component != null && !component.isEmpty() && matched.isEmpty()
                ? List.of(component.length() > 100 ? component.substring(0, 100) : component) : List.of();
        String env = labels.getOrDefault("environment", labels.getOrDefault("env", "production"));
        Environment environment = "staging".equalsIgnoreCase(env) ? Environment.STAGING : Environment.PRODUCTION;
        String title = firstNonBlank(annotations.get("summary"), labels.get("alertname"), "Alert " + fingerprint);
        Instant startsAt = alert.startsAt() == null || alert.startsAt().isAfter(now) ? now : alert.startsAt();
        return new NewIncident(title.length() > 200 ? title.substring(0, 200) : title,
                firstNonBlank(annotations.get("description"), null, null), severity, components, environment,
                severity == Severity.P1 ? Impact.OUTAGE : Impact.DEGRADED, startsAt, fingerprint, unmatched);
    }

    /** Alertmanager's own fingerprint; without one, a hash of the sorted labels (what identifies an alert). */
    private static String fingerprint(Alert alert) {
        if (alert.fingerprint() != null && !alert.fingerprint().isBlank()) {
            return alert.fingerprint();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(new TreeMap<>(alert.labels()).toString().getBytes(StandardCharsets.UTF_8));
            return "labels:" + HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstNonBlank(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return c;
    }
}
