package com.sladesk.slaexception;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sladesk.calendar.BusinessCalendar;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.incident.IncidentService;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import com.sladesk.system.CommandRetry;
import com.sladesk.system.ForbiddenException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.ProcessSteps;
import com.sladesk.system.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.sladesk.slaexception.SlaExceptionProcess.*;

/**
 * The module's API. Each task has a reminder after 1 business day and an escalation to the CTO
 * group after 3; nobody decides on a request they submitted.
 */
@Service
@Transactional
@Retryable(interceptor = CommandRetry.INTERCEPTOR)
public class SlaExceptionService {

    static final int REMIND_AFTER_DAYS = 1;
    static final int ESCALATE_AFTER_DAYS = 3;

    private final SlaExceptionRepository exceptions;
    private final BusinessCalendar calendar;
    private final Notifications notifications;
    private final Directory directory;
    private final ProcessSteps process;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final ComponentCatalogue catalogue;
    private final IncidentService incidents;

    SlaExceptionService(SlaExceptionRepository exceptions, BusinessCalendar calendar, Notifications notifications,
            Directory directory, ProcessSteps process, ApplicationEventPublisher events, Clock clock,
            ComponentCatalogue catalogue, IncidentService incidents) {
        this.catalogue = catalogue;
        this.incidents = incidents;
        this.exceptions = exceptions;
        this.calendar = calendar;
        this.notifications = notifications;
        this.directory = directory;
        this.process = process;
        this.events = events;
        this.clock = clock;
    }

    public ExceptionView submit(ExceptionRequest request, String actor) {
        Instant now = clock.instant();
        validate(request, now);
        SlaException exception = exceptions.saveAndFlush(new SlaException(request, actor, now));
        Map<String, Object> variables = new HashMap<>(deadlines("review", now));
        variables.put(VAR_EXCEPTION_ID, exception.getId());
        variables.put(VAR_REQUESTED_BY, actor);
        variables.put("startsAt", Date.from(exception.getStartsOn().atStartOfDay().toInstant(ZoneOffset.UTC)));
        variables.put("endsAt", Date.from(exception.getEndsOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        process.start(KEY, exception.getId(), variables);
        mailRequester(exception, "Exception request #" + exception.getId() + " submitted for SRE review");
        return exception.toView();
    }

    /** SRE review: approve (to leadership), changes (back to the requester) or reject. */
    public ExceptionView review(long id, ReviewOutcome outcome, String comment, String actor) {
        SlaException exception = get(id);
        refuseOwn(exception, actor);
        Instant now = clock.instant();
        exception.reviewed(outcome, actor, comment, now);
        exceptions.saveAndFlush(exception);
        Map<String, Object> variables = new HashMap<>(deadlines("approval", now));
        variables.put(VAR_REVIEW_OUTCOME, outcome.value());
        complete(id, REVIEW, actor, variables);
        if (outcome == ReviewOutcome.CHANGES) {
            mailRequester(exception, "Exception request #" + id + " needs changes: " + nullToEmpty(comment));
        }
        events.publishEvent(new ExceptionReviewed(id, outcome, comment, actor));
        return exception.toView();
    }

    /** The requester edits a request sent back for changes; it goes to review again, history kept. */
    public ExceptionView resubmit(long id, ExceptionRequest request, String actor) {
        SlaException exception = get(id);
        if (!exception.getRequestedBy().equals(actor)) {
            throw new ForbiddenException("only the requester may revise exception request " + id);
        }
        Instant now = clock.instant();
        validate(request, now);
        exception.resubmitted(request, actor, now);
        exceptions.saveAndFlush(exception);
        Map<String, Object> variables = new HashMap<>(deadlines("review", now));
        variables.put("startsAt", Date.from(request.startsOn().atStartOfDay().toInstant(ZoneOffset.UTC)));
        variables.put("endsAt", Date.from(request.endsOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        complete(id, REVISE, actor, variables);
        return exception.toView();
    }

    /**
     * Engineering leadership's decision. Exception Criteria: approval needs all four answered yes,
     * each with a comment; otherwise 422 naming the first criterion that is not.
     */
    public ExceptionView approve(long id, boolean approved, String comment, String actor) {
        SlaException exception = get(id);
        refuseOwn(exception, actor);
        if (approved) {
            for (Map.Entry<String, ExceptionRequest.Criterion> c : exception.criteria().entrySet()) {
                if (!c.getValue().answer() || c.getValue().comment() == null || c.getValue().comment().isBlank()) {
                    throw new RuleViolationException("criteria." + c.getKey(), "yes-with-comment",
                            "to approve, every criterion must be answered yes with a comment; " + c.getKey()
                                    + (c.getValue().answer() ? " has no comment" : " is answered no"));
                }
            }
        }
        exception.decided(approved, actor, comment, clock.instant());
        exceptions.saveAndFlush(exception);
        complete(id, APPROVE, actor, Map.of(VAR_APPROVED, approved));
        events.publishEvent(new ExceptionDecided(id, approved, comment, actor));
        return exception.toView();
    }

    void recordApproval(long id) {
        SlaException e = get(id);
        mailRequester(e, "Exception request #" + id + " approved: active " + e.getStartsOn() + " to " + e.getEndsOn());
    }

    void activate(long id) {
        SlaException e = get(id);
        e.activate(clock.instant());
        mailRequester(e, "Exception #" + id + " is now active");
    }

    void expire(long id) {
        SlaException e = get(id);
        e.expire(clock.instant());
        mailRequester(e, "Exception #" + id + " has expired");
    }

    void reject(long id) {
        mailRequester(get(id), "Exception request #" + id + " was rejected");
    }

    void remind(long id, Role role, String task) {
        for (String email : directory.emailsOf(role)) {
            notifications.queue(email, "Reminder: exception request #" + id + " awaits " + task, "message",
                    Map.of("heading", "Exception request #" + id + " awaits " + task, "lines",
                            List.of(get(id).getTitle(), "It has waited more than " + businessDays(REMIND_AFTER_DAYS) + ".")));
        }
    }

    void escalate(long id, String task) {
        for (String email : directory.emailsOf(Role.CTO)) {
            notifications.queue(email, "Escalation: exception request #" + id + " waiting " + businessDays(ESCALATE_AFTER_DAYS) + " for "
                    + task,
                    "message", Map.of("heading", "Exception request #" + id + " is overdue", "lines",
                            List.of(get(id).getTitle(), "Its " + task + " has waited more than "
                            + businessDays(ESCALATE_AFTER_DAYS) + ".")));
        }
        get(id).record(clock.instant(), "system", "escalated to CTO", task);
    }

    /**
     * The approved exception, in force at {@code at}, that lifts the change gate's freeze for a
     * change of this title (case and surrounding spaces ignored): from approval to the end of its
     * last day, never before its first.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ExceptionView> freezeExemption(String changeTitle, Instant at) {
        String wanted = changeTitle == null ? "" : changeTitle.trim();
        return exceptions.findAllByOrderByRequestedAtDescIdDesc().stream()
                .filter(e -> e.getApprovedAt() != null && !at.isBefore(e.getApprovedAt()))
                .filter(e -> !at.isBefore(e.getStartsOn().atStartOfDay().toInstant(ZoneOffset.UTC))
                        && at.isBefore(e.getEndsOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .filter(e -> e.scope().changeTitles().stream().anyMatch(t -> t.equalsIgnoreCase(wanted)))
                .map(SlaException::toView).findFirst();
    }

    /** Approved exceptions that exempt downtime from the budget: named incidents, or a window overlapping [from, to). */
    @Transactional(readOnly = true)
    List<SlaException> exempting(Instant from, Instant to) {
        return exceptions.findAllByOrderByRequestedAtDescIdDesc().stream()
                .filter(e -> e.getApprovedAt() != null)
                .filter(e -> !e.scope().incidentIds().isEmpty() || (e.scope().windowStart() != null
                        && e.scope().windowStart().isBefore(to) && e.scope().windowEnd().isAfter(from))).toList();
    }

    @Transactional(readOnly = true)
    public List<ExceptionView> list() {
        return exceptions.findAllByOrderByRequestedAtDescIdDesc().stream().map(SlaException::toView).toList();
    }

    @Transactional(readOnly = true)
    public ExceptionView find(long id) {
        return get(id).toView();
    }

    private void validate(ExceptionRequest request, Instant now) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw new InvalidInputException("endsOn", "order", "must not be before startsOn");
        }
        ExceptionRequest.Scope scope = request.scope();
        List<String> unknownComponents = catalogue.unknownCodes(scope.components());
        if (!unknownComponents.isEmpty()) {
            throw new InvalidInputException("scope.components", "unknown",
                    "not in the component catalogue: " + String.join(", ", unknownComponents));
        }
        List<Long> unknownIncidents = incidents.unknownIds(scope.incidentIds());
        if (!unknownIncidents.isEmpty()) {
            throw new InvalidInputException("scope.incidentIds", "unknown", "no such incident: "
                    + unknownIncidents.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        }
        if ((scope.windowStart() == null) != (scope.windowEnd() == null)) {
            throw new InvalidInputException(scope.windowStart() == null ? "scope.windowStart" : "scope.windowEnd",
                    "required", "a window needs both its start and its end");
        }
        if (scope.windowStart() != null) {
            Instant periodStart = request.startsOn().atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant periodEnd = request.endsOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            if (!scope.windowEnd().isAfter(scope.windowStart())) {
                throw new InvalidInputException("scope.windowEnd", "order", "must be after scope.windowStart");
            }
            if (scope.windowStart().isBefore(periodStart) || scope.windowEnd().isAfter(periodEnd)) {
                throw new InvalidInputException("scope.windowStart", "period",
                        "the window must lie within the exception's period, " + request.startsOn() + " to " + request.endsOn());
            }
        }
        if (request.endsOn().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw new InvalidInputException("endsOn", "time", "the period is already over");
        }
    }

    private Map<String, Object> deadlines(String task, Instant from) {
        return Map.of(task + "ReminderAt", Date.from(calendar.plusBusinessDays(from, REMIND_AFTER_DAYS)),
                task + "EscalationAt", Date.from(calendar.plusBusinessDays(from, ESCALATE_AFTER_DAYS)),
                task + "DueAt", Date.from(calendar.plusBusinessDays(from, REMIND_AFTER_DAYS)));
    }

    private void refuseOwn(SlaException exception, String actor) {
        if (exception.getRequestedBy().equals(actor)) {
            throw new ForbiddenException("you submitted exception request " + exception.getId()
                    + "; someone else must decide on it");
        }
    }

    private void complete(long id, String taskKey, String actor, Map<String, Object> variables) {
        process.complete(KEY, id, taskKey, actor, variables, "exception request " + id + " has no open task " + taskKey);
    }

    private void mailRequester(SlaException exception, String subject) {
        directory.findUser(exception.getRequestedBy()).ifPresent(user -> notifications.queue(user.email(), subject,
                "message", Map.of("heading", subject, "lines", List.of(exception.getTitle()))));
    }

    private SlaException get(long id) {
        return exceptions.findById(id).orElseThrow(() -> new NotFoundException("Exception request", id));
    }

    private static String businessDays(int days) {
        return days + (days == 1 ? " business day" : " business days");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
