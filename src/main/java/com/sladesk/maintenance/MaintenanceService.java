package com.sladesk.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.sladesk.availability.ExclusionWindow;
import com.sladesk.availability.ExclusionWindows;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentStatus;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.Severity;
import com.sladesk.notification.Attachment;
import com.sladesk.system.CommandRetry;
import com.sladesk.system.FieldRuleException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.ProcessSteps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.sladesk.maintenance.MaintenanceNotificationProcess.*;

/**
 * The module's API: scheduling, moving and cancelling windows (each checked by
 * {@link MaintenanceRules}), the notices the process sends, and the windows the availability
 * engine excludes from downtime.
 */
@Service
@Transactional
@Retryable(interceptor = CommandRetry.INTERCEPTOR)
public class MaintenanceService implements ExclusionWindows {

    static final Duration REMINDER_BEFORE = Duration.ofHours(24);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MaintenanceRepository windows;
    private final IncidentService incidents;
    private final ComponentCatalogue catalogue;
    private final Subscriptions subscriptions;
    private final ProcessSteps process;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MaintenanceService(MaintenanceRepository windows, IncidentService incidents, ComponentCatalogue catalogue,
            Subscriptions subscriptions, ProcessSteps process,
            ApplicationEventPublisher events, Clock clock) {
        this.windows = windows;
        this.incidents = incidents;
        this.catalogue = catalogue;
        this.subscriptions = subscriptions;
        this.process = process;
        this.events = events;
        this.clock = clock;
    }

    /** Schedules a window; {@code group:<name>} among its components stands for the group's components in service. */
    public MaintenanceView schedule(NewMaintenance given, String actor) {
        NewMaintenance command = withGroupsExpanded(given);
        Instant now = clock.instant();
        validate(command, now);
        MaintenanceWindow window = windows.save(new MaintenanceWindow(command.title().trim(), command.description(),
                command.type(), command.startsAt(), command.endsAt(), now, new LinkedHashSet<>(command.components()),
                new LinkedHashSet<>(command.activities()), command.incidentId(),
                "maintenance-" + UUID.randomUUID() + "@sla-desk", actor));
        process.start(KEY, window.getId(), variables(window));
        events.publishEvent(new MaintenanceScheduled(window.getId(), window.getType(), window.getStartsAt(),
                window.getEndsAt(), actor));
        return window.toView();
    }

    /** The refusals a window would meet now, without scheduling it (for the form's as-you-type check). */
    @Transactional(readOnly = true)
    public List<FieldRuleException> check(NewMaintenance command) {
        List<FieldRuleException> problems = new ArrayList<>();
        try {
            validate(withGroupsExpanded(command), clock.instant());
        }
        catch (FieldRuleException e) {
            problems.add(e);
        }
        return problems;
    }

    public MaintenanceView reschedule(long id, Instant startsAt, Instant endsAt, String actor) {
        MaintenanceWindow window = get(id);
        Instant now = clock.instant();
        MaintenanceRules.check(window.getType(), startsAt, endsAt, now, window.getIncidentId(),
                openP1(window.getIncidentId()));
        window.reschedule(startsAt, endsAt, now);
        windows.saveAndFlush(window);
        correlate(window, MESSAGE_RESCHEDULED, variables(window));
        events.publishEvent(new MaintenanceRescheduled(id, startsAt, endsAt, actor));
        return window.toView();
    }

    public MaintenanceView cancel(long id, String reason, String actor) {
        MaintenanceWindow window = get(id);
        window.cancel(reason);
        windows.saveAndFlush(window);
        correlate(window, MESSAGE_CANCELLED, Map.of());
        events.publishEvent(new MaintenanceCancelled(id, reason, actor));
        return window.toView();
    }

    void announce(long id) {
        MaintenanceView w = get(id).toView();
        notice(w, "scheduled", "Scheduled maintenance: " + w.title(), "We will carry out " + w.type()
                + " maintenance on " + String.join(", ", w.components()) + ".");
    }

    void remind(long id) {
        MaintenanceWindow window = get(id);
        // a notice given less than 24 hours ahead (emergency maintenance) needs no separate reminder
        if (!window.getAnnouncedAt().isAfter(window.getStartsAt().minus(REMINDER_BEFORE))) {
            MaintenanceView w = window.toView();
            notice(w, "reminder", "Reminder: maintenance in 24 hours: " + w.title(), "This is a reminder of the maintenance below.");
        }
    }

    void start(long id) {
        get(id).start();
        events.publishEvent(new MaintenanceStarted(id));
    }

    void complete(long id) {
        MaintenanceWindow window = get(id);
        window.complete();
        events.publishEvent(new MaintenanceCompleted(id));
        MaintenanceView w = window.toView();
        notice(w, "completed", "Maintenance completed: " + w.title(), "The maintenance below is complete; all services are back.");
    }

    void announceReschedule(long id) {
        MaintenanceView w = get(id).toView();
        notice(w, "rescheduled", "Maintenance rescheduled: " + w.title(), "The maintenance below has moved to a new time.");
    }

    void announceCancellation(long id) {
        MaintenanceView w = get(id).toView();
        notice(w, "cancelled", "Maintenance cancelled: " + w.title(), "The maintenance below is cancelled"
                + (w.cancelReason() == null ? "." : ": " + w.cancelReason()));
    }

    /** The SLA's maintenance rules as people read them, for the pages that state them. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public MaintenancePolicy policy() {
        return MaintenanceRules.POLICY;
    }

    @Transactional(readOnly = true)
    public MaintenanceView find(long id) {
        return get(id).toView();
    }

    /** Windows overlapping [from, to), earliest first. */
    @Transactional(readOnly = true)
    public List<MaintenanceView> between(Instant from, Instant to) {
        return windows.overlapping(from, to).stream().map(MaintenanceWindow::toView).toList();
    }

    /** Windows not over yet (scheduled or in progress), earliest first. */
    @Transactional(readOnly = true)
    public List<MaintenanceView> upcoming() {
        return windows.findByStatusInOrderByStartsAt(EnumSet.of(MaintenanceStatus.SCHEDULED,
                MaintenanceStatus.IN_PROGRESS)).stream().map(MaintenanceWindow::toView).toList();
    }

    /**
     * SLA "Exclusions": only scheduled maintenance, announced 7 days ahead, is not downtime. An
     * emergency window (2 hours' notice) counts as downtime, and a cancelled window excludes nothing.
     */
    @Override
    @Transactional(readOnly = true)
    public List<ExclusionWindow> overlapping(Instant from, Instant to) {
        return windows.overlapping(from, to).stream()
                .filter(w -> w.getType() == MaintenanceType.STANDARD)
                .filter(w -> w.toView().status() != MaintenanceStatus.CANCELLED)
                .map(w -> new ExclusionWindow(w.getId(), w.getStartsAt(), w.getEndsAt(), "scheduled maintenance"))
                .toList();
    }

    private NewMaintenance withGroupsExpanded(NewMaintenance c) {
        if (c.components() == null) {
            return c;
        }
        List<String> codes = catalogue.expandGroups("components", c.components());
        if (codes.isEmpty()) {
            throw new InvalidInputException("components", "required", "the group has no component in service");
        }
        return new NewMaintenance(c.title(), c.description(), c.type(), c.startsAt(), c.endsAt(), codes, c.activities(),
                c.incidentId());
    }

    private void validate(NewMaintenance command, Instant now) {
        List<String> unknown = catalogue.unknownCodes(command.components());
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("components", "unknown",
                    "not in the component catalogue, or retired: " + String.join(", ", unknown));
        }
        // one read of the named incident: it must exist, and emergency maintenance needs it to be an open P1
        Optional<IncidentView> incident = command.incidentId() == null
                ? Optional.empty() : incidents.find(command.incidentId());
        if (command.incidentId() != null && incident.isEmpty()) {
            throw new InvalidInputException("incidentId", "unknown", "incident " + command.incidentId() + " does not exist");
        }
        MaintenanceRules.check(command.type(), command.startsAt(), command.endsAt(), now, command.incidentId(),
                isOpenP1(incident));
    }

    private boolean openP1(Long incidentId) {
        return incidentId != null && isOpenP1(incidents.find(incidentId));
    }

    private static boolean isOpenP1(Optional<IncidentView> incident) {
        return incident.filter(i -> i.severity() == Severity.P1 && i.status() != IncidentStatus.RESOLVED).isPresent();
    }

    /**
     * Tells the subscribers of the window's components (and groups); organisations' contacts hear
     * of all maintenance. Each notice once: its key is the window, what happened and the calendar sequence.
     */
    private void notice(MaintenanceView w, String kind, String subject, String intro) {
        Attachment ics = new Attachment("maintenance-" + w.id() + ".ics", IcsCalendar.CONTENT_TYPE, IcsCalendar.notice(w));
        List<String> lines = List.of(intro,
                "When: " + UTC.format(w.startsAt()) + " to " + UTC.format(w.endsAt()),
                "Affects: " + String.join(", ", w.components()),
                "Work: " + String.join(", ", w.activities().stream().map(a -> a.value().replace('_', ' ')).toList()));
        Map<String, Object> maintenance = new java.util.LinkedHashMap<>();
        maintenance.put("id", w.id());
        maintenance.put("title", w.title());
        maintenance.put("type", w.type().value());
        maintenance.put("status", w.status().name().toLowerCase());
        maintenance.put("startsAt", w.startsAt());
        maintenance.put("endsAt", w.endsAt());
        maintenance.put("components", w.components());
        subscriptions.deliver(new StatusNotice("maintenance:" + w.id() + ":" + kind + ":" + w.icalSequence(),
                "maintenance." + kind, subject, lines, "/status/maintenance", new LinkedHashSet<>(w.components()),
                false, Map.of("maintenance", maintenance), List.of(ics)));
    }

    private Map<String, Object> variables(MaintenanceWindow window) {
        return Map.of(VAR_MAINTENANCE_ID, window.getId(),
                VAR_REMINDER_AT, Date.from(window.getStartsAt().minus(REMINDER_BEFORE)),
                VAR_STARTS_AT, Date.from(window.getStartsAt()), VAR_ENDS_AT, Date.from(window.getEndsAt()));
    }

    private void correlate(MaintenanceWindow window, String message, Map<String, Object> variables) {
        process.correlate(message, window.getId(), variables);
    }

    private MaintenanceWindow get(long id) {
        return windows.findById(id).orElseThrow(() -> new NotFoundException("Maintenance window", id));
    }
}
