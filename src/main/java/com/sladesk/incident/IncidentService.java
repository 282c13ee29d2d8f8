package com.sladesk.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.sladesk.availability.BudgetPolicy;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.system.CommandRetry;
import com.sladesk.system.ConflictException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.ProcessSteps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.sladesk.incident.IncidentResponseProcess.*;

/**
 * The module's API. Each change is one transaction: the incident row, its timeline entry, the
 * process engine's step and what listeners of its event store (the audit entry, the mails) commit
 * together or not at all.
 */
@Service
@Transactional
@Retryable(interceptor = CommandRetry.INTERCEPTOR)
public class IncidentService {

    private static final String SYSTEM = "system";

    private final IncidentRepository incidents;
    private final SlaTargets targets;
    private final ComponentCatalogue catalogue;
    private final ProcessSteps process;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PostmortemPolicy postmortems;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    IncidentService(IncidentRepository incidents, SlaTargets targets, ComponentCatalogue catalogue,
            ProcessSteps process, ApplicationEventPublisher events, Clock clock, PostmortemPolicy postmortems,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.postmortems = postmortems;
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.targets = targets;
        this.catalogue = catalogue;
        this.process = process;
        this.events = events;
        this.clock = clock;
    }

    public IncidentView open(NewIncident command, String actor) {
        Instant now = clock.instant();
        Instant openedAt = command.openedAt() == null ? now : command.openedAt();
        checkOpening(openedAt, command.components(), now);
        SlaTargets.DueTimes due = targets.dueTimes(command.severity(), openedAt, Duration.ZERO);
        Incident fresh = new Incident(command.title().trim(), command.description(),
                command.severity(), new LinkedHashSet<>(command.components()), command.environment(),
                command.impact(), openedAt, command.alertFingerprint(), actor, due);
        fresh.unmatched(command.unmatchedComponents());
        fresh.record(now, actor, "opened", command.severity() + ", " + command.impact() + " in "
                + command.environment() + (command.openedAt() != null ? ", opened at " + openedAt : ""));
        // stored with its first timeline line: inserts only, no UPDATE of the incident after them (issue #21)
        Incident incident = incidents.save(fresh);
        Map<String, Object> variables = dueVariables(incident);
        variables.put(VAR_INCIDENT_ID, incident.getId());
        process.start(KEY, incident.getId(), variables);
        events.publishEvent(new IncidentOpened(incident.getId(), incident.getSeverity(), incident.getImpact(),
                Set.copyOf(command.components()), openedAt, actor, incident.getTitle(), command.environment()));
        return incident.toView();
    }

    /**
     * Records an incident that is already over, in one step: opened and resolved in the past, so no
     * process runs, no timer waits and nobody is warned of a past that is over. A resolution that
     * came after its due time is recorded as the breach it was, without a mail.
     */
    public IncidentView backfill(NewIncident command, Instant resolvedAt, Cause cause, String actor) {
        Instant now = clock.instant();
        if (command.openedAt() == null) {
            throw new InvalidInputException("openedAt", "required", "must be given with resolvedAt (a back-filled incident)");
        }
        if (resolvedAt.isBefore(command.openedAt())) {
            throw new InvalidInputException("resolvedAt", "order",
                    "must not be before the incident was opened (" + command.openedAt() + ")");
        }
        if (resolvedAt.isAfter(now)) {
            throw new InvalidInputException("resolvedAt", "time", "must not be in the future");
        }
        Instant openedAt = command.openedAt();
        checkOpening(openedAt, command.components(), now);
        Incident incident = new Incident(command.title().trim(), command.description(), command.severity(),
                new LinkedHashSet<>(command.components()), command.environment(), command.impact(), openedAt,
                command.alertFingerprint(), actor, targets.dueTimes(command.severity(), openedAt, Duration.ZERO));
        incident.resolve(resolvedAt, cause, Duration.ZERO);
        incident.record(now, actor, "opened", command.severity() + ", " + command.impact() + " in "
                + command.environment() + ", back-filled: opened at " + openedAt);
        if (resolvedAt.isAfter(incident.getResolutionDueAt())) {
            incident.recordSlaEvent(SlaTarget.RESOLUTION, SlaEventKind.BREACH, incident.getResolutionDueAt());
        }
        incident.record(now, actor, "resolved", "cause " + cause + ", at " + resolvedAt);
        incidents.saveAndFlush(incident);
        events.publishEvent(new IncidentBackfilled(incident.getId(), openedAt, resolvedAt, cause, actor));
        // no process runs for the past: the same table decides here what the process decides at resolution
        BudgetPolicy tier = postmortems.tierAt(resolvedAt);
        PostmortemPolicy.Decision decision = postmortems.decide(incident.getSeverity(), tier);
        if (decision.required()) {
            requirePostmortem(incident, decision.document(), decision.reason(), tier.name(), true);
        }
        return incident.toView();
    }

    public IncidentView acknowledge(long id, String actor) {
        Incident incident = get(id);
        Instant now = clock.instant();
        incident.acknowledge(now);
        incident.record(now, actor, "acknowledged", null);
        incidents.saveAndFlush(incident);
        correlate(incident, MESSAGE_ACKNOWLEDGED, Map.of());
        events.publishEvent(new IncidentAcknowledged(id, incident.getTitle(), now, actor));
        return incident.toView();
    }

    public IncidentView resolve(long id, Instant resolvedAt, Cause cause, String actor) {
        Incident incident = get(id);
        Instant now = clock.instant();
        Instant at = resolvedAt == null ? now : resolvedAt;
        if (at.isBefore(incident.getOpenedAt())) {
            throw new InvalidInputException("resolvedAt", "order",
                    "must not be before the incident was opened (" + incident.getOpenedAt() + ")");
        }
        if (at.isAfter(now)) {
            throw new InvalidInputException("resolvedAt", "time", "must not be in the future");
        }
        Duration pausedUntilNow = incident.getPausedAt() == null ? Duration.ZERO
                : targets.pausedTime(incident.getSeverity(), incident.getPausedAt(), at);
        incident.resolve(at, cause, pausedUntilNow);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_SEVERITY, incident.getSeverity().name());
        variables.put(VAR_BUDGET_POLICY, postmortems.tierAt(at).name());
        incident.record(now, actor, "resolved", "cause " + cause + (resolvedAt != null ? ", at " + at : ""));
        incidents.saveAndFlush(incident);
        correlate(incident, MESSAGE_RESOLVED, variables);
        events.publishEvent(new IncidentResolved(id, incident.getSeverity(), at, cause, actor));
        return incident.toView();
    }

    public IncidentView changeSeverity(long id, Severity severity, String actor) {
        Incident incident = get(id);
        Instant now = clock.instant();
        Severity before = incident.getSeverity();
        boolean wasPaused = incident.getPausedAt() != null;
        if (wasPaused && !severity.mayPause()) {
            // P1 and P2 never wait for the customer: the resolution clock runs again
            resumeClock(incident, now, actor, severity + " cannot wait for the customer");
        }
        incident.changeSeverity(severity, targets.dueTimes(severity, incident.getOpenedAt(), incident.getPausedTime()));
        incident.record(now, actor, "severity changed", before + " → " + severity);
        incidents.saveAndFlush(incident);
        Map<String, Object> variables = dueVariables(incident);
        if (incident.getPausedAt() != null) {
            // paused: no timers run; the new due times apply from the resumption
            process.setVariables(KEY, incident.getId(), variables);
        }
        else if (wasPaused) {
            correlate(incident, MESSAGE_RESUMED, variables);
        }
        else {
            correlate(incident, MESSAGE_RETARGETED, variables);
        }
        events.publishEvent(new IncidentRetargeted(id, before, severity, actor));
        return incident.toView();
    }

    public IncidentView pause(long id, String actor) {
        Incident incident = get(id);
        Instant now = clock.instant();
        incident.pause(now);
        incident.record(now, actor, "waiting for customer", "resolution clock stopped");
        incidents.saveAndFlush(incident);
        correlate(incident, MESSAGE_PAUSED, Map.of());
        events.publishEvent(new IncidentPaused(id, actor));
        return incident.toView();
    }

    public IncidentView resume(long id, String actor) {
        Incident incident = get(id);
        resumeClock(incident, clock.instant(), actor, "customer answered");
        incidents.saveAndFlush(incident);
        correlate(incident, MESSAGE_RESUMED, dueVariables(incident));
        events.publishEvent(new IncidentResumed(id, actor));
        return incident.toView();
    }

    /**
     * Called by the process once {@code postmortem-policy.dmn} asked a postmortem or a root-cause
     * analysis: due 5 business days after resolution; the postmortem module drafts it.
     */
    void requirePostmortem(long id, String kind, String reason, String budgetPolicy) {
        requirePostmortem(get(id), kind, reason, budgetPolicy, false);
    }

    private void requirePostmortem(Incident incident, String kind, String reason, String budgetPolicy,
            boolean backfilled) {
        Instant due = targets.postmortemDue(incident.getResolvedAt());
        incident.postmortemRequired(kind, due);
        incident.record(clock.instant(), SYSTEM, "RCA".equals(kind) ? "root cause analysis required" : "postmortem required",
                reason + " Due " + due + ".");
        incidents.saveAndFlush(incident);
        events.publishEvent(new PostmortemRequired(incident.getId(), kind, due, budgetPolicy, reason, backfilled));
    }

    /** The postmortem module's word that the incident's document was approved. */
    public void recordPostmortemApproved(long id, String actor) {
        Incident incident = get(id);
        Instant now = clock.instant();
        incident.postmortemApproved(now);
        incident.record(now, actor, "postmortem approved", null);
        incidents.saveAndFlush(incident);
    }

    /** Called by the process when a warning or breach timer fires; records it, and announces it, at most once. */
    void recordSlaEvent(long id, SlaTarget target, SlaEventKind kind) {
        Incident incident = get(id);
        Instant now = clock.instant();
        if (incident.recordSlaEvent(target, kind, now)) {
            Instant targetDue = target == SlaTarget.RESPONSE ? incident.getResponseDueAt()
                    : incident.getResolutionDueAt();
            incident.record(now, SYSTEM, kind == SlaEventKind.WARNING ? "breaching soon" : "breached",
                    target.name().toLowerCase() + " target due " + targetDue);
            events.publishEvent(new SlaEventRecorded(id, target, kind, targetDue));
        }
    }

    /** The configured response/resolution targets of a severity, as "respond/resolve" ISO-8601 durations. */
    public String configuredTargets(Severity severity) {
        return targets.configured(severity);
    }

    /** Those of {@code ids} that name no incident (one query). */
    @Transactional(readOnly = true)
    public List<Long> unknownIds(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Set<Long> known = new HashSet<>();
        incidents.findAllById(ids.stream().filter(Objects::nonNull).toList()).forEach(i -> known.add(i.getId()));
        return ids.stream().filter(id -> id == null || !known.contains(id)).distinct().toList();
    }

    @Transactional(readOnly = true)
    public Optional<IncidentView> find(long id) {
        return incidents.findById(id).map(Incident::toView);
    }

    @Transactional(readOnly = true)
    public List<IncidentView> list(Collection<IncidentStatus> statuses, Severity severity, int limit) {
        return incidents.search(statuses == null || statuses.isEmpty() ? null : statuses, severity,
                PageRequest.of(0, limit)).stream().map(Incident::toView).toList();
    }

    /**
     * An incident's id and the version its row had: every change of the incident, of its
     * components, timeline or SLA events bumps the version, so a view read at one version stays
     * true while the version does.
     */
    public record Stamp(long id, long version) {
    }

    /** An incident's view with the version it was read at. */
    public record VersionedView(IncidentView view, long version) {
    }

    /** The id and version of each incident {@link #list} gives, in its order: one query of two columns. */
    @Transactional(readOnly = true)
    public List<Stamp> listStamps(Collection<IncidentStatus> statuses, Severity severity, int limit) {
        return incidents.searchStamps(statuses == null || statuses.isEmpty() ? null : statuses, severity,
                PageRequest.of(0, limit)).stream().map(r -> new Stamp(((Number) r[0]).longValue(), ((Number) r[1]).longValue()))
                .toList();
    }

    /** The severity of each of these incidents not resolved (one query of two columns; others left out). */
    @Transactional(readOnly = true)
    public Map<Long, Severity> unresolvedSeverities(Collection<Long> ids) {
        Map<Long, Severity> severities = new HashMap<>();
        if (!ids.isEmpty()) {
            incidents.unresolvedSeverities(ids).forEach(r -> severities.put(((Number) r[0]).longValue(), (Severity) r[1]));
        }
        return severities;
    }

    /** The views of these incidents, each with its version, in no particular order (unknown ids left out). */
    @Transactional(readOnly = true)
    public List<VersionedView> views(Collection<Long> ids) {
        return incidents.findAllById(ids).stream().map(i -> new VersionedView(i.toView(), i.getVersion())).toList();
    }

    /**
     * Changes whenever an incident, its timeline or its SLA events change on this node (when the
     * change commits): what a cached answer built from incidents is tagged with.
     */
    // static: called through the service's proxy, this opened a transaction and an entity manager
    // for every list read, to read one counter (a tenth of the request threads' samples at 1,000/s)
    public static long dataVersion() {
        return IncidentChanges.VERSION.current();
    }

    /** One line of an incident's timeline, by its id: what a watcher of every incident follows. */
    public record Change(long entryId, long incidentId, Instant at, String action) {
    }

    /**
     * Timeline lines with an id above {@code afterId}, in id order, at most {@code limit}: read by
     * any node, so a watcher sees changes made on every node of a cluster.
     */
    @Transactional(readOnly = true)
    public List<Change> changesAfter(long afterId, int limit) {
        return jdbc.sql("select id, incident_id, at, action from incident_timeline where id > :after order by id limit :limit")
                .param("after", afterId).param("limit", limit).query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    /** The highest timeline id now (0 when none): where a new watcher starts. */
    @Transactional(readOnly = true)
    public long lastChangeId() {
        return jdbc.sql("select coalesce(max(id), 0) from incident_timeline").query(Long.class).single();
    }

    /** Incidents opened in [from, to), oldest first (for reports). */
    @Transactional(readOnly = true)
    public List<IncidentView> openedBetween(Instant from, Instant to) {
        return incidents.findByOpenedAtGreaterThanEqualAndOpenedAtLessThanOrderByOpenedAt(from, to).stream()
                .map(Incident::toView).toList();
    }

    /** Incidents open at some moment of [from, to) that touched one of {@code components}, oldest first. */
    @Transactional(readOnly = true)
    public List<IncidentView> overlapping(Instant from, Instant to, Collection<String> components) {
        if (components.isEmpty()) {
            return List.of();
        }
        return incidents.overlapping(from, to, components).stream().map(Incident::toView).toList();
    }

    @Transactional(readOnly = true)
    public Optional<IncidentView> findOpenByAlertFingerprint(String fingerprint) {
        return incidents.findFirstByAlertFingerprintAndStatusNotOrderByIdDesc(fingerprint, IncidentStatus.RESOLVED)
                .map(Incident::toView);
    }

    private void resumeClock(Incident incident, Instant now, String actor, String reason) {
        if (incident.getPausedAt() == null) {
            throw new ConflictException("incident " + incident.getId()
                    + " is not waiting for the customer");
        }
        Duration paused = targets.pausedTime(incident.getSeverity(), incident.getPausedAt(), now);
        incident.resume(paused, targets.dueTimes(incident.getSeverity(), incident.getOpenedAt(),
                incident.getPausedTime().plus(paused)));
        incident.record(now, actor, "resumed", reason + "; paused " + paused.toMinutes() + " min on the resolution clock");
    }

    private void checkOpening(Instant openedAt, Collection<String> components, Instant now) {
        if (openedAt.isAfter(now)) {
            throw new InvalidInputException("openedAt", "time", "must not be in the future");
        }
        List<String> unknown = catalogue.unknownCodes(components);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("components", "unknown",
                    "not in the component catalogue, or retired: " + String.join(", ", unknown));
        }
    }

    private Incident get(long id) {
        return incidents.findById(id).orElseThrow(() -> new NotFoundException("Incident", id));
    }

    private Map<String, Object> dueVariables(Incident incident) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_SEVERITY, incident.getSeverity().name());
        variables.put(VAR_RESPONSE_WARN_AT, Date.from(incident.getResponseWarnAt()));
        variables.put(VAR_RESPONSE_DUE_AT, Date.from(incident.getResponseDueAt()));
        variables.put(VAR_RESOLUTION_WARN_AT, Date.from(incident.getResolutionWarnAt()));
        variables.put(VAR_RESOLUTION_DUE_AT, Date.from(incident.getResolutionDueAt()));
        return variables;
    }

    private void correlate(Incident incident, String message, Map<String, Object> variables) {
        process.correlate(message, incident.getId(), variables);
    }
}
