package com.sladesk.contract;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sladesk.availability.AvailabilityService;
import com.sladesk.organisation.Directory;
import com.sladesk.system.DuplicateException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for plans: which terms judge an organisation's month (the version of its plan in
 * force that month), and ADMIN's plans, versions and assignments. A change takes effect from the
 * first day of a coming month; a month already begun keeps the terms it began with.
 */
@Service
@Transactional(readOnly = true)
public class SlaPlans {

    public static final String STANDARD = "standard";
    static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");

    private final SlaPlanRepository plans;
    private final SlaPlanVersionRepository versions;
    private final OrganisationPlanRepository assignments;
    private final CreditTierTables tiers;
    private final AvailabilityService availability;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaPlans(SlaPlanRepository plans, SlaPlanVersionRepository versions, OrganisationPlanRepository assignments,
            CreditTierTables tiers, AvailabilityService availability, Directory directory,
            ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.versions = versions;
        this.assignments = assignments;
        this.tiers = tiers;
        this.availability = availability;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** The terms that judge {@code organisationId}'s {@code month}: standard unless a plan was assigned before it. */
    public PlanTerms termsFor(long organisationId, YearMonth month) {
        String plan = assignments.findByIdOrganisationIdOrderByIdEffectiveFrom(organisationId).stream()
                .filter(a -> !a.getEffectiveFrom().isAfter(month)).reduce((a, b) -> b)
                .map(OrganisationPlan::getPlanCode).orElse(STANDARD);
        return termsOf(plan, month);
    }

    /** The terms of {@code planCode}'s version in force in {@code month}. */
    public PlanTerms termsOf(String planCode, YearMonth month) {
        SlaPlan plan = plans.findById(planCode).orElseThrow(() -> new NotFoundException("SLA plan", planCode));
        List<SlaPlanVersion> all = versions.findByPlanCodeOrderByVersion(planCode);
        // the version in force that month; before the first, the first (a plan starts in 2000-01 unless told)
        SlaPlanVersion version = all.stream().filter(v -> !v.getEffectiveFrom().isAfter(month)).reduce((a, b) -> b)
                .orElse(all.get(0));
        return terms(plan, version);
    }

    private PlanTerms terms(SlaPlan plan, SlaPlanVersion v) {
        BigDecimal target = v.getTargetPercent() == null ? availability.targetPercent() : v.getTargetPercent().stripTrailingZeros();
        return new PlanTerms(plan.getCode(), plan.getName(), v.getVersion(), v.getEffectiveFrom(), target,
                v.getClaimWindowDays(), v.isAutomaticCredits(), v.getDecisionKey(), v.getDecisionVersion());
    }

    /** The credit tiers of these terms, highest bound first. */
    public List<Tier> tiersOf(PlanTerms terms) {
        return tiers.tiers(terms.decisionKey(), terms.decisionVersion());
    }

    /** The credit percentage a month's exact availability earns under these terms. */
    public int creditPercent(PlanTerms terms, BigDecimal exactAvailabilityPercent) {
        return tiers.percentFor(terms.decisionKey(), terms.decisionVersion(), exactAvailabilityPercent);
    }

    public List<PlanView> plans() {
        Map<String, List<SlaPlanVersion>> byPlan = versions.findAllByOrderByPlanCodeAscVersionAsc().stream()
                .collect(Collectors.groupingBy(SlaPlanVersion::getPlanCode));
        return plans.findAllByOrderByCode().stream().map(p -> new PlanView(p.getCode(), p.getName(),
                byPlan.getOrDefault(p.getCode(), List.of()).stream().map(v -> {
                    PlanTerms t = terms(p, v);
                    return new PlanView.VersionView(t.version(), t.effectiveFrom().toString(), t.targetPercent(),
                            tiersOf(t), t.claimWindowDays(), t.automaticCredits(), t.decisionKey(), t.decisionVersion());
                }).toList())).toList();
    }

    public PlanView plan(String code) {
        return plans().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("SLA plan", code));
    }

    /** An organisation's plan history: from which month on, which plan. */
    public List<Assignment> assignments(long organisationId) {
        return assignments.findByIdOrganisationIdOrderByIdEffectiveFrom(organisationId).stream()
                .map(a -> new Assignment(a.getOrganisationId(), a.getEffectiveFrom().toString(), a.getPlanCode())).toList();
    }

    public record Assignment(long organisationId, String effectiveFrom, String planCode) {
    }

    /** ADMIN creates a plan with its first version (its tiers become a decision table). */
    @Transactional
    public PlanView create(PlanDraft draft, String actor) {
        String code = draft.code() == null ? "" : draft.code().trim().toLowerCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "pattern", "must be 2 to 40 of a-z, 0-9 and '-'");
        }
        if (plans.existsById(code)) {
            throw new DuplicateException("code", "a plan with code " + code + " exists");
        }
        String name = draft.name() == null ? "" : draft.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("name", "size", "must be 1 to 200 characters");
        }
        if (plans.existsByNameIgnoreCase(name)) {
            throw new DuplicateException("name", "a plan named " + name + " exists");
        }
        YearMonth from = draft.effectiveFrom() == null ? YearMonth.of(2000, 1) : draft.effectiveFrom();
        Checked checked = check(draft);
        SlaPlan plan = plans.saveAndFlush(new SlaPlan(code, name, clock.instant()));
        SlaPlanVersion version = addVersion(plan, 1, from, checked, actor);
        events.publishEvent(new PlanChanged(actor, "create", "sla-plan", version.getVersion(),
                "plan " + code + " (" + name + "): " + describe(checked) + " from " + from));
        return plan(code);
    }

    /** ADMIN's new terms for a plan, from a coming month (a month already begun keeps its terms). */
    @Transactional
    public PlanView newVersion(String code, PlanDraft draft, String actor) {
        SlaPlan plan = plans.findById(code).orElseThrow(() -> new NotFoundException("SLA plan", code));
        if (STANDARD.equals(code)) {
            throw new RuleViolationException("code", "standard",
                    "the standard plan is the SLA itself (its target in configuration, its tiers in bpmn/credit/credit-tier.dmn)");
        }
        YearMonth from = comingMonth(draft.effectiveFrom());
        List<SlaPlanVersion> existing = versions.findByPlanCodeOrderByVersion(code);
        if (existing.stream().anyMatch(v -> !v.getEffectiveFrom().isBefore(from))) {
            throw new RuleViolationException("effectiveFrom", "order", "plan " + code + " already has a version from "
                    + existing.get(existing.size() - 1).getEffectiveFrom() + "; a new one must start later");
        }
        Checked checked = check(draft);
        SlaPlanVersion version = addVersion(plan, existing.size() + 1, from, checked, actor);
        events.publishEvent(new PlanChanged(actor, "new-version", "sla-plan", version.getVersion(),
                "plan " + code + " version " + version.getVersion() + ": " + describe(checked) + " from " + from));
        return plan(code);
    }

    /** Puts an organisation on a plan from a coming month. */
    @Transactional
    public List<Assignment> assign(long organisationId, String planCode, YearMonth effectiveFrom, String actor) {
        directory.findOrganisation(organisationId).orElseThrow(() -> new NotFoundException("Organisation", organisationId));
        if (planCode == null || !plans.existsById(planCode)) {
            throw new InvalidInputException("planCode", "unknown", "no SLA plan " + planCode);
        }
        YearMonth from = comingMonth(effectiveFrom);
        return assignFrom(organisationId, planCode, from, actor);
    }

    /** The demo's plan history, which starts before any data (no "coming month" rule). */
    @Transactional
    public void assignFromTheStart(long organisationId, String planCode, String actor) {
        if (assignments.findByIdOrganisationIdOrderByIdEffectiveFrom(organisationId).isEmpty()) {
            assignFrom(organisationId, planCode, YearMonth.of(2000, 1), actor);
        }
    }

    private List<Assignment> assignFrom(long organisationId, String planCode, YearMonth from, String actor) {
        OrganisationPlan.Key key = new OrganisationPlan.Key(organisationId, from.toString());
        assignments.findById(key).ifPresentOrElse(a -> a.change(planCode, clock.instant(), actor),
                () -> assignments.save(new OrganisationPlan(organisationId, from, planCode, clock.instant(), actor)));
        assignments.flush();
        events.publishEvent(new PlanChanged(actor, "assign-plan", "organisation", organisationId,
                "plan " + planCode + " from " + from));
        return assignments(organisationId);
    }

    private YearMonth comingMonth(YearMonth wanted) {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        if (wanted == null) {
            throw new InvalidInputException("effectiveFrom", "required", "name the month (YYYY-MM) the change starts");
        }
        if (!wanted.isAfter(current)) {
            throw new RuleViolationException("effectiveFrom", "month-begun", wanted
                    + " has already begun: a plan changes from the first day of a coming month (" + current.plusMonths(1)
                    + " at the earliest)");
        }
        return wanted;
    }

    private record Checked(BigDecimal target, List<Tier> tiers, int claimWindowDays, boolean automatic) {
    }

    private Checked check(PlanDraft draft) {
        BigDecimal target = draft.targetPercent();
        if (target == null || target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) >= 0 || target.scale() > 4) {
            throw new InvalidInputException("targetPercent", "range", "must be above 0 and below 100 (at most 4 decimals)");
        }
        List<Tier> checkedTiers = CreditTierTables.check(draft.tiers(), target);
        int window = draft.claimWindowDays() == null ? 30 : draft.claimWindowDays();
        if (window < 1 || window > 366) {
            throw new InvalidInputException("claimWindowDays", "range", "must be 1 to 366 days");
        }
        return new Checked(target, checkedTiers, window, Boolean.TRUE.equals(draft.automaticCredits()));
    }

    private SlaPlanVersion addVersion(SlaPlan plan, int number, YearMonth from, Checked checked, String actor) {
        CreditTierTables.Deployed table = tiers.deploy(plan.getCode(), plan.getName(), checked.tiers());
        return versions.saveAndFlush(new SlaPlanVersion(plan.getCode(), number, from, checked.target(),
                checked.claimWindowDays(), checked.automatic(), table.key(), table.version(), clock.instant(), actor));
    }

    private static String describe(Checked c) {
        return "target " + c.target().toPlainString() + "%, tiers " + c.tiers().stream()
                .sorted(Comparator.comparing(Tier::belowPercent).reversed())
                .map(t -> "<" + t.belowPercent().toPlainString() + "→" + t.creditPercent() + "%").toList()
                + ", claim window " + c.claimWindowDays() + " days, " + (c.automatic() ? "automatic" : "claimed by the customer");
    }
}
