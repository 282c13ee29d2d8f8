package com.sladesk.postmortem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.sladesk.availability.AvailabilityService;
import com.sladesk.calendar.BusinessCalendar;
import com.sladesk.calendar.SlaClock;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.PostmortemRequired;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationInfo;
import com.sladesk.organisation.Role;
import com.sladesk.organisation.UserAccount;
import com.sladesk.system.CommandRetry;
import com.sladesk.system.ForbiddenException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.ProcessSteps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.sladesk.postmortem.PostmortemProcesses.*;

/**
 * The module's API. A postmortem is drafted when the incident process asks for one (in that
 * transaction): the customer impact and the timeline are filled from the incident, the rest is
 * written by SREs; each step is one transaction with its process step and its audit entry.
 */
@Service
@Transactional
@Retryable(interceptor = CommandRetry.INTERCEPTOR)
public class PostmortemService {

    /** The SRE leads' process group (sladesk.security.sre-leads). */
    static final String SRE_LEAD_GROUP = "sre-lead";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PostmortemRepository postmortems;
    private final IncidentService incidents;
    private final AvailabilityService availability;
    private final Directory directory;
    private final BusinessCalendar calendar;
    private final ProcessSteps process;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration remindBefore;
    private final Notifications notifications;

    PostmortemService(PostmortemRepository postmortems, IncidentService incidents, AvailabilityService availability,
            Directory directory, BusinessCalendar calendar, ProcessSteps process, ApplicationEventPublisher events,
            Clock clock, @Value("${sladesk.postmortem.remind-before:PT8H}") Duration remindBefore,
            Notifications notifications) {
        this.notifications = notifications;
        this.postmortems = postmortems;
        this.incidents = incidents;
        this.availability = availability;
        this.directory = directory;
        this.calendar = calendar;
        this.process = process;
        this.events = events;
        this.clock = clock;
        this.remindBefore = remindBefore;
    }

    /** The incident process asked for a document: draft it from the incident and start its review. */
    @EventListener
    void on(PostmortemRequired required) {
        if (postmortems.findByIncidentId(required.incidentId()).isPresent()) {
            return;
        }
        IncidentView incident = incidents.find(required.incidentId()).orElseThrow();
        Instant now = clock.instant();
        PostmortemKind kind = PostmortemKind.valueOf(required.kind());
        postmortems.saveAndFlush(new Postmortem(incident.id(), kind, required.budgetPolicy(),
                required.reason(), required.dueAt(), incident.title(), customerImpact(incident), timeline(incident), now));
        events.publishEvent(new PostmortemChanged(incident.id(), "draft-" + kind.name().toLowerCase(),
                "due " + required.dueAt() + (required.backfilled() ? " (back-filled incident: no reminders)" : ""),
                "system"));
        if (required.backfilled()) {
            return;
        }
        // reminded a business day (remind-before, in business time) ahead of the due time
        Duration writingTime = calendar.between(incident.resolvedAt(), required.dueAt(), SlaClock.BUSINESS);
        Instant remindAt = writingTime.compareTo(remindBefore) > 0
                ? calendar.plus(incident.resolvedAt(), writingTime.minus(remindBefore), SlaClock.BUSINESS)
                : incident.resolvedAt();
        process.start(REVIEW, incident.id(), Map.of(VAR_INCIDENT_ID, incident.id(), VAR_DUE_AT,
                Date.from(required.dueAt()), VAR_REMIND_AT, Date.from(remindAt)));
    }

    @Transactional(readOnly = true)
    public List<PostmortemView> list() {
        Instant now = clock.instant();
        LocalDate today = today(now);
        return postmortems.findAllNewestFirst().stream().map(p -> p.toView(now, today)).toList();
    }

    @Transactional(readOnly = true)
    public PostmortemView find(long incidentId) {
        Instant now = clock.instant();
        return get(incidentId).toView(now, today(now));
    }

    /** As {@link #submit}, by the incident: 409 for an incident that needs no postmortem, 404 for no incident. */
    public PostmortemView submitWritten(long incidentId, String actor) {
        if (postmortems.findByIncidentId(incidentId).isEmpty()) {
            incidents.find(incidentId).orElseThrow(() -> new NotFoundException("Incident", incidentId));
            throw new com.sladesk.system.ConflictException("incident " + incidentId + " has no postmortem to complete");
        }
        return submit(incidentId, actor);
    }

    public PostmortemView edit(long incidentId, PostmortemDraft draft, String actor) {
        Postmortem postmortem = get(incidentId);
        Instant now = clock.instant();
        postmortem.edit(draft, actor, now);
        postmortems.saveAndFlush(postmortem);
        events.publishEvent(new PostmortemChanged(incidentId, "edit", null, actor));
        return postmortem.toView(now, today(now));
    }

    /** Sends the draft to an SRE lead's review; it needs a root cause and an action item. */
    public PostmortemView submit(long incidentId, String actor) {
        Postmortem postmortem = get(incidentId);
        Instant now = clock.instant();
        postmortem.submit(actor, now);
        postmortems.saveAndFlush(postmortem);
        if (process.isRunning(REVIEW, incidentId)) {
            process.complete(REVIEW, incidentId, WRITE, actor, Map.of(),
                    "the postmortem of incident " + incidentId + " is not waiting to be written");
        }
        events.publishEvent(new PostmortemChanged(incidentId, "submit", null, actor));
        return postmortem.toView(now, today(now));
    }

    /** An SRE lead's decision: approved (the incident's document is done) or sent back as a draft, with a comment. */
    public PostmortemView review(long incidentId, boolean approved, String comment, String actor) {
        Postmortem postmortem = get(incidentId);
        boolean running = process.isRunning(REVIEW, incidentId);
        if (running ? !process.mayComplete(REVIEW, incidentId, REVIEW_TASK, actor)
                : !process.isMember(actor, SRE_LEAD_GROUP)) {
            throw new ForbiddenException("only an SRE lead (group sre-lead, sladesk.security.sre-leads) reviews postmortems");
        }
        Instant now = clock.instant();
        postmortem.review(approved, comment, actor, now);
        postmortems.saveAndFlush(postmortem);
        if (running) {
            process.complete(REVIEW, incidentId, REVIEW_TASK, actor, Map.of(VAR_APPROVED, approved),
                    "the postmortem of incident " + incidentId + " is not in review");
        }
        if (approved) {
            incidents.recordPostmortemApproved(incidentId, actor);
        }
        events.publishEvent(new PostmortemChanged(incidentId, approved ? "approve" : "send-back", comment, actor));
        return postmortem.toView(now, today(now));
    }

    /** Adds an action item; it runs in its owner's task inbox until done. */
    public ActionItemView addActionItem(long incidentId, NewActionItem item, String actor) {
        Postmortem postmortem = get(incidentId);
        if (item.title() == null || item.title().isBlank()) {
            throw new InvalidInputException("title", "required", "an action item needs a title");
        }
        if (item.title().strip().length() > 200) {
            throw new InvalidInputException("title", "length", "at most 200 characters");
        }
        if (item.owner() == null || item.owner().isBlank()) {
            throw new InvalidInputException("owner", "required", "an action item needs an owner (a staff username)");
        }
        UserAccount owner = directory.findUser(item.owner().trim())
                .filter(u -> u.role() != Role.CUSTOMER && u.enabled())
                .orElseThrow(() -> new InvalidInputException("owner", "staff",
                        "must name an active staff user; " + item.owner().trim() + " is not one"));
        if (item.dueOn() == null) {
            throw new InvalidInputException("dueOn", "required", "an action item needs a due date");
        }
        if (item.link() != null && !item.link().isBlank() && !item.link().strip().matches("(?i)https?://\\S{1,490}")) {
            throw new InvalidInputException("link", "url", "must be an http(s) address");
        }
        Instant now = clock.instant();
        postmortem.add(item, now);
        postmortems.saveAndFlush(postmortem);
        // the managed copy the flush gave an id: the newest item
        ActionItem added = postmortem.getActionItems().stream().filter(i -> i.getId() != null)
                .max(java.util.Comparator.comparing(ActionItem::getId)).orElseThrow();
        Instant dueAt = item.dueOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant remindAt = dueAt.minus(remindBefore);
        process.start(ACTION_ITEM, added.getId(), Map.of(VAR_ACTION_ITEM_ID, added.getId(), VAR_INCIDENT_ID, incidentId,
                VAR_TITLE, added.getTitle(), VAR_OWNER, owner.username(), VAR_DUE_AT, Date.from(dueAt), VAR_REMIND_AT,
                Date.from(remindAt.isBefore(now) ? now : remindAt)));
        events.publishEvent(new PostmortemChanged(incidentId, "add-action-item",
                added.getTitle() + " → " + owner.username() + ", due " + item.dueOn(), actor));
        return added.toView(incidentId, today(now));
    }

    /** Marks an action item done: its owner, or any SRE ({@code actorIsSre}), ends its task. */
    public ActionItemView completeActionItem(long itemId, String actor, boolean actorIsSre) {
        Postmortem postmortem = postmortems.findByActionItem(itemId)
                .orElseThrow(() -> new NotFoundException("Action item", itemId));
        ActionItem item = postmortem.getActionItems().stream().filter(i -> i.getId() == itemId).findFirst().orElseThrow();
        if (!actorIsSre && !item.getOwner().equals(actor)) {
            throw new ForbiddenException("only the owner (" + item.getOwner() + ") or an SRE marks this action item done");
        }
        Instant now = clock.instant();
        item.done(now);
        postmortems.saveAndFlush(postmortem);
        process.completeIfWaiting(ACTION_ITEM, itemId, DO_ACTION_ITEM, null, Map.of());
        events.publishEvent(new PostmortemChanged(postmortem.getIncidentId(), "complete-action-item", item.getTitle(), actor));
        return item.toView(postmortem.getIncidentId(), today(now));
    }

    /** Whether {@code user} may review the postmortem now: it waits for review and they are an SRE lead. */
    @Transactional(readOnly = true)
    public boolean mayReview(long incidentId, String user) {
        return process.isRunning(REVIEW, incidentId) ? process.mayComplete(REVIEW, incidentId, REVIEW_TASK, user)
                : process.isMember(user, SRE_LEAD_GROUP);
    }

    @Transactional(readOnly = true)
    public long incidentOfActionItem(long itemId) {
        return postmortems.findByActionItem(itemId).orElseThrow(() -> new NotFoundException("Action item", itemId))
                .getIncidentId();
    }

    @Transactional(readOnly = true)
    public List<ActionItemView> actionItemsOf(String owner) {
        LocalDate today = today(clock.instant());
        return postmortems.actionItemsOf(owner).stream().map(r -> ((ActionItem) r[1]).toView((Long) r[0], today)).toList();
    }

    /** Action items still open after their due day, now. */
    @Transactional(readOnly = true)
    public List<ActionItemView> overdueActionItems() {
        return overdueActionItems(clock.instant());
    }

    /** Action items that were still open after their due day at {@code asOf} (the end of a month, or now). */
    @Transactional(readOnly = true)
    public List<ActionItemView> overdueActionItems(Instant asOf) {
        LocalDate day = today(asOf);
        LocalDate today = today(clock.instant());
        return postmortems.actionItemsOpenAt(day, asOf).stream()
                .map(r -> ((ActionItem) r[1]).toView((Long) r[0], today)).toList();
    }

    /** Action items due on a day of [from, to), done or not (for a quarter's review). */
    @Transactional(readOnly = true)
    public List<ActionItemView> actionItemsDue(LocalDate from, LocalDate to) {
        LocalDate today = today(clock.instant());
        return postmortems.actionItemsDueBetween(from, to).stream()
                .map(r -> ((ActionItem) r[1]).toView((Long) r[0], today)).toList();
    }

    /** The reminder and overdue mails, sent by the processes' timers. */
    void remind(long incidentId, boolean overdue) {
        Postmortem postmortem = get(incidentId);
        String what = postmortem.getKind().label();
        String subject = overdue ? "%s of incident #%d is overdue: %s".formatted(what, incidentId, postmortem.getTitle())
                : "Reminder: %s of incident #%d due %s".formatted(what.toLowerCase(), incidentId,
                        UTC.format(postmortem.getDueAt()));
        List<String> lines = List.of(what + " of incident #" + incidentId + ": " + postmortem.getTitle(),
                "Due " + UTC.format(postmortem.getDueAt()) + (overdue ? " — overdue." : "."),
                "Write it at /postmortems/" + incidentId + " and send it to an SRE lead's review.");
        Set<String> to = new TreeSet<>(directory.emailsOf(Role.SRE));
        if (overdue) {
            to.addAll(sreLeadEmails());
        }
        notifications(to, subject, lines);
    }

    void remindActionItem(long itemId, boolean overdue) {
        Postmortem postmortem = postmortems.findByActionItem(itemId).orElseThrow();
        ActionItem item = postmortem.getActionItems().stream().filter(i -> i.getId() == itemId).findFirst().orElseThrow();
        if (item.getStatus() == ActionItemStatus.DONE) {
            return;
        }
        String subject = overdue ? "Action item overdue: " + item.getTitle()
                : "Reminder: action item due " + item.getDueOn() + ": " + item.getTitle();
        List<String> lines = List.of("Action item of the postmortem of incident #" + postmortem.getIncidentId() + ": "
                + item.getTitle(), "Owner: " + item.getOwner() + "; due " + item.getDueOn() + (overdue ? " — overdue." : "."),
                "Mark it done at /postmortems/" + postmortem.getIncidentId() + ".");
        Set<String> to = new TreeSet<>();
        directory.findUser(item.getOwner()).map(UserAccount::email).ifPresent(to::add);
        if (overdue) {
            to.addAll(sreLeadEmails());
        }
        notifications(to, subject, lines);
    }

    private void notifications(Set<String> to, String subject, List<String> lines) {
        notifications.queueToEach(to, subject, "message", Map.of("heading", subject, "lines", lines));
    }

    private Set<String> sreLeadEmails() {
        return new TreeSet<>(process.groupEmails(SRE_LEAD_GROUP));
    }

    private String customerImpact(IncidentView incident) {
        Instant end = incident.resolvedAt();
        Duration duration = Duration.between(incident.openedAt(), end);
        var downtime = availability.incidentDowntimeMinutes(incident.id(), incident.openedAt(), end);
        List<String> affected = new ArrayList<>();
        for (OrganisationInfo organisation : directory.allOrganisations()) {
            if (organisation.components().isEmpty()
                    || organisation.components().stream().anyMatch(incident.components()::contains)) {
                affected.add(organisation.name());
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("- **Duration:** ").append(duration.toMinutes()).append(" min (").append(UTC.format(incident.openedAt()))
                .append(" to ").append(UTC.format(end)).append(")\n");
        text.append("- **Components:** ").append(String.join(", ", incident.components())).append('\n');
        text.append("- **Impact:** ").append(incident.impact()).append(" in ").append(incident.environment()).append('\n');
        text.append("- **Downtime counted against the SLA:** ").append(downtime.toPlainString()).append(" min\n");
        text.append("- **Organisations affected:** ")
                .append(affected.isEmpty() ? "none" : affected.size() + " (" + String.join(", ", affected) + ")").append('\n');
        return text.toString();
    }

    private static String timeline(IncidentView incident) {
        StringBuilder text = new StringBuilder();
        for (IncidentView.TimelineEntry entry : incident.timeline()) {
            text.append("- ").append(UTC.format(entry.at())).append(" — ").append(entry.action()).append(" (")
                    .append(entry.actor()).append(')');
            if (entry.detail() != null) {
                text.append(": ").append(entry.detail());
            }
            text.append('\n');
        }
        return text.toString();
    }

    private Postmortem get(long incidentId) {
        return postmortems.findByIncidentId(incidentId).orElseThrow(() -> new NotFoundException("Postmortem of incident", incidentId));
    }

    private static LocalDate today(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
