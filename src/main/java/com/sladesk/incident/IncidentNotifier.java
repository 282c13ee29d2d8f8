package com.sladesk.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears of a warning or a breach (SLA section 2 and the incident issue): "breaching soon" to
 * every SRE; a breach to the SRE lead, and also to leadership for a P1 response breach and for
 * a P1 or P2 resolution breach. The mail is composed when the event is published, in its
 * transaction, so it is stored with the record of the warning or breach.
 */
@Component
class IncidentNotifier {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Notifications notifications;
    private final Directory directory;
    private final IncidentProperties properties;
    private final IncidentRepository incidents;

    IncidentNotifier(Notifications notifications, Directory directory, IncidentProperties properties,
            IncidentRepository incidents) {
        this.notifications = notifications;
        this.directory = directory;
        this.properties = properties;
        this.incidents = incidents;
    }

    Set<String> recipients(Severity severity, SlaTarget target, SlaEventKind kind) {
        Set<String> to = new LinkedHashSet<>();
        if (kind == SlaEventKind.WARNING) {
            to.addAll(directory.emailsOf(Role.SRE));
            return to;
        }
        to.add(properties.sreLeadEmail());
        boolean leadership = target == SlaTarget.RESPONSE ? severity == Severity.P1
                : severity == Severity.P1 || severity == Severity.P2;
        if (leadership) {
            to.addAll(directory.emailsOf(Role.LEADERSHIP));
        }
        return to;
    }

    @EventListener
    void on(SlaEventRecorded event) {
        Incident incident = incidents.findById(event.incidentId()).orElseThrow();
        SlaTarget target = event.target();
        SlaEventKind kind = event.kind();
        Instant due = event.due();
        String what = target == SlaTarget.RESPONSE ? "response" : "resolution";
        String subject = kind == SlaEventKind.WARNING
                ? "[%s] Incident #%d %s breaching soon: %s".formatted(incident.getSeverity(), incident.getId(), what,
                        incident.getTitle())
                : "[%s] SLA BREACH: incident #%d missed its %s target: %s".formatted(incident.getSeverity(),
                        incident.getId(), what, incident.getTitle());
        List<String> lines = new ArrayList<>();
        lines.add("Incident #" + incident.getId() + " (" + incident.getSeverity() + "): " + incident.getTitle());
        lines.add("Opened " + UTC.format(incident.getOpenedAt()) + "; " + what + " due " + UTC.format(due) + ".");
        lines.add(kind == SlaEventKind.WARNING
                ? properties.warningPercent() + "% of the " + what + " target has passed. " + (target == SlaTarget.RESPONSE
                        ? "Acknowledge it now." : "Resolve it, or record that it waits for the customer.")
                : "The " + what + " target was missed; this is escalated as the SLA requires.");
        notifications.queueToEach(recipients(incident.getSeverity(), target, kind), subject, "incident-sla-event",
                Map.of("heading", subject, "lines", lines, "incidentId", incident.getId()));
    }
}
