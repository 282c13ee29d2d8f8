package com.sladesk.calibration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.BudgetPolicy;
import com.sladesk.availability.SlaPolicyVersion;
import com.sladesk.availability.SlaPolicyVersions;
import com.sladesk.contract.PlanView;
import com.sladesk.contract.SlaPlans;
import com.sladesk.contract.Tier;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.Severity;
import com.sladesk.system.ForbiddenException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.ProcessSteps;
import com.sladesk.system.RuleViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. A proposal takes the version in force and moves the target one step tighter
 * when the year used less than half of its budget and no month ran out, and keeps it otherwise;
 * response targets are kept (the figures show their attainment). The SRE lead adjusts; VP
 * Engineering decides; the approved result is a new {@link SlaPolicyVersion}.
 */
@Service
public class CalibrationService {

    public static final String KEY = "annual-calibration";
    public static final String REVIEW = "UserTask_SreLeadReview";
    public static final String APPROVE = "UserTask_VpApproval";
    static final String SRE_LEAD = "sre-lead";
    static final String VP_ENGINEERING = "vp-engineering";

    private final JdbcTemplate jdbc;
    private final AvailabilityService availability;
    private final SlaPolicyVersions versions;
    private final IncidentService incidents;
    private final SlaPlans plans;
    private final ProcessSteps process;
    private final Clock clock;

    CalibrationService(JdbcTemplate jdbc, AvailabilityService availability, SlaPolicyVersions versions,
            IncidentService incidents, SlaPlans plans, ProcessSteps process, Clock clock) {
        this.jdbc = jdbc;
        this.availability = availability;
        this.versions = versions;
        this.incidents = incidents;
        this.plans = plans;
        this.process = process;
        this.clock = clock;
    }

    /** Starts a calibration of {@code year} now (the yearly timer does it for the past year each January). */
    @Transactional
    public void request(int year, String actor) {
        int current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).getYear();
        if (year < 2000 || year > current) {
            throw new InvalidInputException("year", "range", "must be a year that has started, at most " + current);
        }
        process.startByMessage("CalibrationRequested", "calibration-" + year, Map.of("year", year, "requestedBy", actor));
    }

    /** The process's first step: the figures and the proposal, stored; returns the calibration's id. */
    @Transactional
    long propose(int year, String requestedBy) {
        Instant now = clock.instant();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        SlaPolicyVersion current = versions.at(now);
        AvailabilityReport whole = availability.period(String.valueOf(year), from, to);
        List<String> figures = new ArrayList<>();
        figures.add(year + ": availability " + whole.availabilityPercent() + "% against " + whole.targetPercent()
                + "%; " + whole.downtimeMinutes() + " of " + whole.errorBudgetMinutes() + " budget minutes used ("
                + BigDecimal.valueOf(100).subtract(whole.errorBudgetRemainingPercent()).setScale(1, RoundingMode.HALF_UP)
                + "%).");
        int exhausted = 0;
        int frozen = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (!month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(now)) {
                break;
            }
            BudgetPolicy tier = availability.month(month).policy();
            exhausted += tier == BudgetPolicy.EXHAUSTED ? 1 : 0;
            frozen += tier == BudgetPolicy.FREEZE ? 1 : 0;
        }
        figures.add("Months with the budget exhausted: " + exhausted + "; under 25% left: " + frozen + ".");
        List<IncidentView> opened = incidents.openedBetween(from, to);
        for (Severity severity : Severity.values()) {
            List<IncidentView> these = opened.stream().filter(i -> i.severity() == severity).toList();
            long inTime = these.stream().filter(i -> !i.responseBreached()).count();
            figures.add(severity + ": " + these.size() + " incidents, " + (these.isEmpty() ? "no response to measure"
                    : BigDecimal.valueOf(100L * inTime).divide(BigDecimal.valueOf(these.size()), 1, RoundingMode.HALF_UP)
                            + "% answered within the response target") + ".");
        }
        BigDecimal target = current.targetPercent();
        boolean comfortable = whole.errorBudgetRemainingPercent().compareTo(BigDecimal.valueOf(50)) > 0 && exhausted == 0;
        BigDecimal proposed = comfortable ? tighter(target) : target;
        figures.add(comfortable ? "Less than half the year's budget was used and no month ran out: propose " + proposed
                + "% (one step tighter)." : "Keep " + target + "%: the budget was used or ran out in a month.");
        LocalDate effective = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO calibration (calibration_year, status, figures, target_percent, "
                    + "reduced_at_percent, freeze_below_percent, response_targets, effective_from, requested_by, created_at) "
                    + "VALUES (?, 'PROPOSED', ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
            ps.setInt(1, year);
            ps.setString(2, String.join("\n", figures));
            ps.setBigDecimal(3, proposed);
            ps.setBigDecimal(4, current.reducedAtPercent());
            ps.setBigDecimal(5, current.freezeBelowPercent());
            ps.setString(6, SlaPolicyVersions.format(currentTargets(current)));
            ps.setDate(7, Date.valueOf(effective));
            ps.setString(8, requestedBy);
            ps.setTimestamp(9, Timestamp.from(now));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** The SRE lead's review: adjusts the proposal within the rules and passes it to VP Engineering. */
    @Transactional
    public CalibrationView review(long id, Adjustment adjustment, String actor) {
        CalibrationView c = find(id);
        if (!process.mayComplete(KEY, id, REVIEW, actor)) {
            throw new ForbiddenException("only an SRE lead (group sre-lead) reviews calibration " + id + " while it waits for review");
        }
        BigDecimal target = adjustment.targetPercent() == null ? c.targetPercent() : adjustment.targetPercent();
        BigDecimal reduced = adjustment.reducedAtPercent() == null ? c.reducedAtPercent() : adjustment.reducedAtPercent();
        BigDecimal freeze = adjustment.freezeBelowPercent() == null ? c.freezeBelowPercent() : adjustment.freezeBelowPercent();
        Map<String, String> targets = adjustment.responseTargets() == null ? c.responseTargets() : adjustment.responseTargets();
        LocalDate effective = adjustment.effectiveFrom() == null ? c.effectiveFrom() : adjustment.effectiveFrom();
        check(target, reduced, freeze, targets, effective);
        jdbc.update("UPDATE calibration SET status = 'REVIEWED', target_percent = ?, reduced_at_percent = ?, "
                + "freeze_below_percent = ?, response_targets = ?, effective_from = ?, reviewed_by = ?, review_comment = ? "
                + "WHERE id = ?", target, reduced, freeze, SlaPolicyVersions.format(targets), Date.valueOf(effective), actor,
                adjustment.comment(), id);
        process.complete(KEY, id, REVIEW, actor, Map.of(), "calibration " + id + " is not waiting for the SRE lead");
        return find(id);
    }

    /** VP Engineering's decision; someone other than the reviewing SRE lead. */
    @Transactional
    public CalibrationView decide(long id, boolean approved, String comment, String actor) {
        CalibrationView c = find(id);
        if (!process.mayComplete(KEY, id, APPROVE, actor)) {
            throw new ForbiddenException("only VP Engineering (group vp-engineering) decides calibration " + id
                    + " once the SRE lead has reviewed it");
        }
        if (actor.equals(c.reviewedBy())) {
            throw new ForbiddenException("the SRE lead who reviewed calibration " + id + " cannot also approve it");
        }
        if (approved) {
            check(c.targetPercent(), c.reducedAtPercent(), c.freezeBelowPercent(), c.responseTargets(), c.effectiveFrom());
        }
        jdbc.update("UPDATE calibration SET status = ?, decided_by = ?, decision_comment = ?, decided_at = ? WHERE id = ?",
                approved ? "APPROVED" : "REJECTED", actor, comment, Timestamp.from(clock.instant()), id);
        process.complete(KEY, id, APPROVE, actor, Map.of("approved", approved),
                "calibration " + id + " is not waiting for VP Engineering");
        return find(id);
    }

    /** The process's last step once approved: the new version of the SLA policy. */
    @Transactional
    void createVersion(long id) {
        CalibrationView c = find(id);
        SlaPolicyVersion created = versions.create(c.effectiveFrom(), c.targetPercent(), c.reducedAtPercent(),
                c.freezeBelowPercent(), c.responseTargets(), c.reviewedBy(), c.decidedBy(), c.decidedAt(),
                "Annual calibration " + c.year() + " (#" + id + "): " + c.figures().replace('\n', ' ')
                        + (c.reviewComment() == null ? "" : " SRE lead: " + c.reviewComment())
                        + (c.decisionComment() == null ? "" : " VP Engineering: " + c.decisionComment()));
        jdbc.update("UPDATE calibration SET policy_version = ? WHERE id = ?", created.version(), id);
    }

    /**
     * The rules a calibrated policy keeps: a target above the contracts' credit tiers' top bound and
     * under 100; tier bounds 0 < freeze < reduced ≤ 100; each severity's response ≤ resolution;
     * effective on the first of a month that has not started.
     */
    void check(BigDecimal target, BigDecimal reduced, BigDecimal freeze, Map<String, String> targets, LocalDate effective) {
        BigDecimal top = creditTiersTopBound();
        if (target.compareTo(top) <= 0) {
            throw new RuleViolationException("targetPercent", "credit-tiers", "a target of " + target.toPlainString()
                    + "% is not above the contracts' credit tiers' top bound (" + top.toPlainString()
                    + "%): a month that meets the SLO would still earn a credit");
        }
        if (target.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new InvalidInputException("targetPercent", "range", "must be under 100");
        }
        if (freeze.signum() <= 0 || freeze.compareTo(reduced) >= 0 || reduced.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("freezeBelowPercent", "order", "tier bounds must be 0 < freezeBelowPercent < reducedAtPercent ≤ 100");
        }
        for (Map.Entry<String, String> e : targets.entrySet()) {
            try {
                Severity.valueOf(e.getKey());
                String[] both = e.getValue().split("/");
                Duration respond = Duration.parse(both[0]);
                Duration resolve = Duration.parse(both[1]);
                if (respond.isNegative() || respond.isZero() || resolve.compareTo(respond) < 0) {
                    throw new InvalidInputException("responseTargets." + e.getKey(), "order",
                            "the response target must be positive and not longer than the resolution target");
                }
            }
            catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException ex) {
                if (ex instanceof InvalidInputException invalid) {
                    throw invalid;
                }
                throw new InvalidInputException("responseTargets." + e.getKey(), "format",
                        "a severity P1–P4 with respond/resolve ISO-8601 durations, e.g. PT1H/PT4H");
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (effective.getDayOfMonth() != 1 || !effective.isAfter(today)) {
            throw new InvalidInputException("effectiveFrom", "month", "must be the first day of a month that has not started");
        }
    }

    /** The SLA contract's (the standard plan's) highest credit bound: a month below it earns a credit (99.0 in the SLA). */
    BigDecimal creditTiersTopBound() {
        BigDecimal top = BigDecimal.ZERO;
        PlanView standard = plans.plan(SlaPlans.STANDARD);
        for (PlanView.VersionView version : standard.versions()) {
            for (Tier tier : version.tiers()) {
                top = tier.belowPercent().max(top);
            }
        }
        return top;
    }

    @Transactional(readOnly = true)
    public List<CalibrationView> list() {
        return jdbc.query("SELECT * FROM calibration ORDER BY id DESC", CalibrationService::row);
    }

    @Transactional(readOnly = true)
    public CalibrationView find(long id) {
        return jdbc.query("SELECT * FROM calibration WHERE id = ?", CalibrationService::row, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Calibration", id));
    }

    /** Which step of a calibration {@code user} may take now: "review", "approve" or null. */
    @Transactional(readOnly = true)
    public String stepFor(long id, String user) {
        if (process.mayComplete(KEY, id, REVIEW, user)) {
            return "review";
        }
        return process.mayComplete(KEY, id, APPROVE, user) ? "approve" : null;
    }

    public List<SlaPolicyVersion> versions() {
        return versions.list();
    }

    private Map<String, String> currentTargets(SlaPolicyVersion current) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            String calibrated = current.responseTargets().get(s.name());
            targets.put(s.name(), calibrated != null ? calibrated : incidents.configuredTargets(s));
        }
        return targets;
    }

    private static BigDecimal tighter(BigDecimal target) {
        // halve what the target leaves: 99 → 99.5, 99.9 → 99.95
        return BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(100).subtract(target).divide(BigDecimal.valueOf(2)))
                .stripTrailingZeros().add(BigDecimal.ZERO);
    }

    private static CalibrationView row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        int version = rs.getInt("policy_version");
        Integer policyVersion = rs.wasNull() ? null : version;
        return new CalibrationView(rs.getLong("id"), rs.getInt("calibration_year"), rs.getString("status"),
                rs.getString("figures"), SlaPolicyVersions.plain(rs.getBigDecimal("target_percent")),
                SlaPolicyVersions.plain(rs.getBigDecimal("reduced_at_percent")),
                SlaPolicyVersions.plain(rs.getBigDecimal("freeze_below_percent")),
                SlaPolicyVersions.parse(rs.getString("response_targets")), rs.getDate("effective_from").toLocalDate(),
                rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("reviewed_by"),
                rs.getString("review_comment"), rs.getString("decided_by"), rs.getString("decision_comment"),
                decided == null ? null : decided.toInstant(), policyVersion);
    }
}
