package com.sladesk.change;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.math.BigDecimal;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.budget.BurnEpisode;
import com.sladesk.budget.BurnRateWatch;
import com.sladesk.slaexception.ExceptionView;
import com.sladesk.slaexception.SlaExceptionService;
import com.sladesk.availability.BudgetPolicy;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.Severity;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.slo.SloGate;
import com.sladesk.slo.SloService;
import com.sladesk.system.CommandRetry;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.ProcessSteps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.sladesk.change.ChangeApprovalProcess.*;

/**
 * The module's API. The facts the decision table needs are gathered here (tier, testing evidence,
 * this week's approved deployments, whether the change fixes an open or recent P1); the rules
 * themselves are in {@code bpmn/change/change-policy.dmn}, the flow in {@code bpmn/change/ChangeApprovalProcess.bpmn}.
 */
@Service
@Transactional
@Retryable(interceptor = CommandRetry.INTERCEPTOR)
public class ChangeService {

    /** A P1 resolved within this long still counts as "recent" for a fix. */
    static final Duration RECENT_P1 = Duration.ofDays(7);

    private final ChangeRequestRepository changes;
    private final AvailabilityService availability;
    private final SloService slos;
    private final IncidentService incidents;
    private final Notifications notifications;
    private final Directory directory;
    private final ProcessSteps process;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int weeklyDeployments;
    private final BurnRateWatch burnRates;
    private final SlaExceptionService slaExceptions;

    ChangeService(BurnRateWatch burnRates, SlaExceptionService slaExceptions, ChangeRequestRepository changes, AvailabilityService availability, SloService slos, IncidentService incidents,
            Notifications notifications, Directory directory, ProcessSteps process, ApplicationEventPublisher events,
            Clock clock, @Value("${sladesk.change.weekly-deployments:10}") int weeklyDeployments) {
        this.burnRates = burnRates;
        this.slaExceptions = slaExceptions;
        this.changes = changes;
        this.availability = availability;
        this.slos = slos;
        this.incidents = incidents;
        this.notifications = notifications;
        this.directory = directory;
        this.process = process;
        this.events = events;
        this.clock = clock;
        this.weeklyDeployments = weeklyDeployments;
    }

    public ChangeView request(String title, String description, ChangeKind kind, Long fixesIncidentId,
            String testingEvidence, String actor) {
        Instant now = clock.instant();
        if (fixesIncidentId != null && incidents.find(fixesIncidentId).isEmpty()) {
            throw new InvalidInputException("fixesIncidentId", "unknown",
                    "incident " + fixesIncidentId + " does not exist");
        }
        AvailabilityReport budget = availability.month(YearMonth.from(now.atZone(ZoneOffset.UTC)));
        // the worst tier among the incident-based availability and the gating SLOs; a tie stays with the former
        BudgetPolicy policy = budget.policy();
        String source = "availability";
        BigDecimal remaining = budget.errorBudgetRemainingPercent();
        for (SloGate gate : slos.gates()) {
            if (gate.policy().ordinal() > policy.ordinal()) {
                policy = gate.policy();
                source = "slo:" + gate.name();
                remaining = gate.remainingPercent();
            }
        }
        Optional<BurnEpisode> freeze = burnRates.activeFreeze();
        ChangeRequest change = changes.saveAndFlush(new ChangeRequest(title.trim(), description, kind, fixesIncidentId,
                blankToNull(testingEvidence), policy.name(), source, remaining, actor, now));
        Instant weekStart = LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay().toInstant(ZoneOffset.UTC);
        long approvedThisWeek = changes.countByDecisionAndDecidedAtGreaterThanEqualAndDecidedAtLessThan(
                ChangeDecision.APPROVED, weekStart, weekStart.plus(Duration.ofDays(7)));
        Optional<ExceptionView> exempted = slaExceptions.freezeExemption(title, now);
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(VAR_CHANGE_ID, change.getId());
        variables.put(VAR_POLICY, policy.name());
        variables.put(VAR_KIND, kind.name());
        variables.put(VAR_HAS_TESTING_EVIDENCE, blankToNull(testingEvidence) != null);
        variables.put(VAR_APPROVED_THIS_WEEK, approvedThisWeek);
        variables.put(VAR_WEEKLY_DEPLOYMENTS, weeklyDeployments);
        variables.put(VAR_NAMES_OPEN_OR_RECENT_P1, namesOpenOrRecentP1(fixesIncidentId, now));
        variables.put(VAR_BURN_RATE_FREEZE, freeze.isPresent());
        variables.put(VAR_BURN_RATE_REASON, freeze.map(BurnEpisode::reason).orElse(""));
        variables.put(VAR_FREEZE_EXEMPTED, exempted.isPresent());
        variables.put(VAR_EXEMPTION_REASON, exempted.map(e -> "SLA exception #" + e.id() + " (" + e.title()
                + ", until " + e.endsOn() + ") lifts the freeze for this change.").orElse(""));
        process.start(KEY, change.getId(), variables);
        return get(change.getId()).toView();
    }

    /** The CTO's decision on a change waiting for it. */
    public ChangeView decide(long id, boolean approved, String comment, String actor) {
        ChangeRequest change = get(id);
        change.decidedByCto(approved, actor, comment, clock.instant());
        changes.saveAndFlush(change);
        process.complete(KEY, id, CTO_APPROVAL, actor, Map.of(VAR_APPROVED, approved),
                "change " + id + " is not waiting for the CTO");
        events.publishEvent(new ChangeDecided(id, approved, comment, actor));
        return change.toView();
    }

    void recordPolicyDecision(long id, ChangeDecision decision, String reason) {
        get(id).decidedByPolicy(decision, reason, clock.instant());
    }

    void notifyCtoDecision(long id) {
        ChangeView change = get(id).toView();
        directory.findUser(change.requestedBy()).ifPresent(user -> notifications.queue(user.email(),
                "Change #" + id + " " + change.decision() + " by the CTO", "message",
                Map.of("heading", "Change #" + id + " " + change.decision(), "lines", List.of(change.title(),
                        change.comment() == null ? "" : "Comment: " + change.comment()))));
    }

    @Transactional(readOnly = true)
    public ChangeView find(long id) {
        return get(id).toView();
    }

    @Transactional(readOnly = true)
    public List<ChangeView> list() {
        return changes.findAllByOrderByRequestedAtDescIdDesc().stream().map(ChangeRequest::toView).toList();
    }

    private boolean namesOpenOrRecentP1(Long incidentId, Instant now) {
        return incidentId != null && incidents.find(incidentId).filter(i -> i.severity() == Severity.P1
                && (i.resolvedAt() == null || i.resolvedAt().isAfter(now.minus(RECENT_P1)))).isPresent();
    }

    private ChangeRequest get(long id) {
        return changes.findById(id).orElseThrow(() -> new NotFoundException("Change", id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
