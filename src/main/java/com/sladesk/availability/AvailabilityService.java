package com.sladesk.availability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentInfo;
import com.sladesk.system.NowAndAfterTransaction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's API. SLA section 1: "Availability = (Total Minutes - Downtime Minutes) / Total
 * Minutes × 100", target 99.9% a calendar month (UTC); the error budget is 0.1% of the month's
 * minutes (43.2 in a 30-day month) and resets each month.
 */
@Service
public class AvailabilityService {

    /** SLA section 1, "Target: 99.9% monthly uptime": the default of {@code sladesk.availability.target-percent}. */
    static final BigDecimal DEFAULT_TARGET_PERCENT = new BigDecimal("99.9");

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final Map<String, Duration> BURN_WINDOWS = BurnRate.WINDOWS;
    static final Duration LONGEST_BURN_WINDOW = Duration.ofDays(3);
    static final Duration ROLLING = Duration.ofDays(30);

    private final OutageSource outages;
    private final ObjectProvider<ExclusionWindows> exclusionWindows;
    private final ComponentCatalogue catalogue;
    private final Clock clock;

    /**
     * Computed answers, keyed by what was asked, valid while no outage has changed since (the data
     * version, bumped by every {@link OutageEvent}) and, for a period that is not over, for
     * {@link #FRESH_FOR} at most (an open incident's downtime grows by the second).
     */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    static final int CACHE_MAX = 1_000;

    private record Memo(Object value, long version, Instant computedAt, Instant until) {
    }

    private final ConcurrentHashMap<String, Memo> memo = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    /** One computation per question at a time: the others wait for its answer instead of repeating it. */
    private final ConcurrentHashMap<String, ReentrantLock> computing = new ConcurrentHashMap<>();
    /**
     * How old an answer shown on a screen or by the API may be once the data has changed since
     * (the credit decisions, the change gate and the reports never take a changed-since answer).
     */
    private final Duration changesShownWithin;
    /**
     * A computation reads in one read-only transaction (the caller's, when there is one); a
     * remembered answer and the data version take none, so they borrow no connection.
     */
    private final TransactionTemplate reading;
    /** The monthly availability target, in percent; the error budget is what it leaves (0.1% for 99.9). */
    private final BigDecimal targetPercent;

    @Autowired
    AvailabilityService(OutageSource outages, ObjectProvider<ExclusionWindows> exclusionWindows,
            ComponentCatalogue catalogue, Clock clock,
            @Value("${sladesk.availability.changes-shown-within:PT1S}") Duration changesShownWithin,
            PlatformTransactionManager transactions,
            @Value("${sladesk.availability.target-percent:99.9}") BigDecimal targetPercent) {
        if (targetPercent.signum() <= 0 || targetPercent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("sladesk.availability.target-percent must be between 0 and 100");
        }
        this.outages = outages;
        this.exclusionWindows = exclusionWindows;
        this.catalogue = catalogue;
        this.clock = clock;
        this.changesShownWithin = changesShownWithin;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.targetPercent = targetPercent;
    }

    /** The SLA policy's versions (absent in unit tests of the engine alone: the configured target and 50/25). */
    private SlaPolicyVersions versions;

    @Autowired(required = false)
    void setVersions(SlaPolicyVersions versions) {
        this.versions = versions;
    }

    /** The platform's target and tiers for a period starting at {@code from}: the version then in force. */
    private SlaPolicyVersion policyAt(Instant from) {
        return versions == null ? null : versions.at(from);
    }

    /** SLA exceptions' exemptions from the budget (absent in unit tests of the engine alone). */
    private ObjectProvider<BudgetExemptions> exemptions;

    @Autowired(required = false)
    void setExemptions(ObjectProvider<BudgetExemptions> exemptions) {
        this.exemptions = exemptions;
    }

    /**
     * The records with what approved SLA exceptions exempt split off and marked, for the SLO budget
     * only (the platform's month, quarter and year; never a customer's month, so never a credit).
     */
    private List<OutageRecord> exempt(List<OutageRecord> records, Instant from, Instant to) {
        BudgetExemptions source = exemptions == null ? null : exemptions.getIfAvailable();
        List<BudgetExemption> all = source == null ? List.of() : source.overlapping(from, to);
        if (all.isEmpty()) {
            return records;
        }
        Map<Long, Set<Long>> touching = new java.util.HashMap<>();
        for (BudgetExemption e : all) {
            if (e.windowed() && !e.components().isEmpty()) {
                touching.put(e.exceptionId(), outages.outagesOverlapping(e.start(), e.end(), betaComponents(),
                        e.components()).stream().map(OutageRecord::incidentId).collect(Collectors.toSet()));
            }
        }
        List<OutageRecord> result = new ArrayList<>();
        for (OutageRecord record : records) {
            List<OutageRecord> parts = List.of(record);
            for (BudgetExemption e : all) {
                boolean applies = e.incidentIds().contains(record.incidentId()) || (e.windowed()
                        && (e.components().isEmpty() || touching.getOrDefault(e.exceptionId(), Set.of()).contains(record.incidentId())));
                if (applies) {
                    parts = parts.stream().flatMap(p -> split(p, e).stream()).toList();
                }
            }
            result.addAll(parts);
        }
        return result;
    }

    private static List<OutageRecord> split(OutageRecord p, BudgetExemption e) {
        Instant end = p.end() == null ? Instant.MAX : p.end();
        Instant from = p.start().isAfter(e.start()) ? p.start() : e.start();
        Instant to = end.isBefore(e.end()) ? end : e.end();
        if (p.exemptedBy() != null || !from.isBefore(to)) {
            return List.of(p);
        }
        List<OutageRecord> parts = new ArrayList<>();
        if (p.start().isBefore(from)) {
            parts.add(p.part(p.start(), from, null));
        }
        parts.add(p.part(from, to.equals(Instant.MAX) ? null : to, e.exceptionId()));
        if (to.isBefore(end)) {
            parts.add(p.part(to, p.end(), null));
        }
        return parts;
    }

    /** With the SLA's 99.9% target. */
    AvailabilityService(OutageSource outages, ObjectProvider<ExclusionWindows> exclusionWindows,
            ComponentCatalogue catalogue, Clock clock, Duration changesShownWithin, PlatformTransactionManager transactions) {
        this(outages, exclusionWindows, catalogue, clock, changesShownWithin, transactions, DEFAULT_TARGET_PERCENT);
    }

    /** The monthly availability target in percent (99.9 in the SLA), for every page, mail and report that states it. */
    public BigDecimal targetPercent() {
        return targetPercent;
    }

    /** The status a day's or a month's availability has on the one scale every page uses. */
    public AvailabilityStatus statusOf(BigDecimal availabilityPercent) {
        return AvailabilityStatus.of(availabilityPercent, targetPercent);
    }

    /** The calendar month (UTC), with burn rates as of now (or the month's end, for a past month). */
    public AvailabilityReport month(YearMonth month) {
        return monthAndRolling(month).month();
    }


    /**
     * Any period of the whole platform — a quarter, a year — against the target: its error budget is
     * the period's own length × (100 − target)% (129.6 minutes for a 90-day quarter, 8.76 hours for
     * a 365-day year at 99.9%), burn rates as of now or the period's end.
     */
    public AvailabilityReport period(String name, Instant from, Instant to) {
        return remembered("period:" + name + ":" + from + ":" + to, to, () -> {
            Instant now = clock.instant();
            Instant asOf = now.isBefore(to) ? now : to;
            Instant loadFrom = earliest(from, asOf.minus(LONGEST_BURN_WINDOW), from);
            Instant loadTo = to.isAfter(now) ? to : now;
            List<OutageRecord> records = exempt(outages.outagesOverlapping(loadFrom, loadTo, betaComponents(), null),
                    loadFrom, loadTo);
            return compute(name, from, to, now, records, windows(loadFrom, loadTo), policyAt(from), targetPercent);
        }, changesShownWithin);
    }

    /**
     * The downtime one incident counts, from {@code from} to {@code to} (its own span): what the
     * month's figure takes from it after the exclusions, for the customer impact of its postmortem.
     */
    @Transactional(readOnly = true)
    public BigDecimal incidentDowntimeMinutes(long incidentId, Instant from, Instant to) {
        List<OutageRecord> records = outages.outagesOverlapping(from, to, betaComponents(), null).stream()
                .filter(r -> r.incidentId() == incidentId).toList();
        return minutes(AvailabilityCalculator.downtime(new Interval(from, to), clock.instant(), records,
                windows(from, to)).downtimeSeconds());
    }

    /** Downtime minutes of one component in a month (for "top reliability issues"). */
    @Transactional(readOnly = true)
    public BigDecimal componentDowntimeMinutes(YearMonth month, String componentCode) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<OutageRecord> records = outages.outagesOverlapping(from, to, betaComponents(), List.of(componentCode));
        return minutes(AvailabilityCalculator.downtime(new Interval(from, to), clock.instant(), records,
                windows(from, to)).downtimeSeconds());
    }

    /** A calendar month and the rolling 30 days up to now, from one read of the data. */
    public MonthAndRolling monthAndRolling(YearMonth month) {
        // the rolling 30 days end now: never "over", so this is fresh for seconds
        return remembered("month:" + month, Instant.MAX, () -> computeMonthAndRolling(month), Duration.ZERO);
    }

    /**
     * As {@link #monthAndRolling(YearMonth)}, for a screen, the API or a gauge: after an incident or
     * maintenance change the answer may be up to {@code sladesk.availability.changes-shown-within}
     * (a second) old.
     */
    public MonthAndRolling monthAndRollingToShow(YearMonth month) {
        return remembered("month:" + month, Instant.MAX, () -> computeMonthAndRolling(month), changesShownWithin);
    }

    /**
     * A customer's month: downtime is the union of the outages of production incidents touching any
     * of {@code components} (the components its contract covers), with the same exclusions, judged
     * against {@code targetPercent} (its plan's). Covering every component gives the platform's figures.
     */
    public MonthAndRolling monthFor(YearMonth month, Collection<String> components, BigDecimal targetPercent) {
        return remembered(key(month, components, targetPercent), Instant.MAX,
                () -> computeMonthAndRolling(month, List.copyOf(components), targetPercent), Duration.ZERO);
    }

    /** As {@link #monthFor}, for a screen or the API: up to {@code changes-shown-within} old after a change. */
    public MonthAndRolling monthForToShow(YearMonth month, Collection<String> components, BigDecimal targetPercent) {
        return remembered(key(month, components, targetPercent), Instant.MAX,
                () -> computeMonthAndRolling(month, List.copyOf(components), targetPercent), changesShownWithin);
    }

    private static String key(YearMonth month, Collection<String> components, BigDecimal targetPercent) {
        return "month:" + month + ":" + components.stream().sorted().collect(Collectors.joining(",")) + ":"
                + targetPercent.stripTrailingZeros().toPlainString();
    }

    private MonthAndRolling computeMonthAndRolling(YearMonth month) {
        return computeMonthAndRolling(month, null, targetPercent);
    }

    private MonthAndRolling computeMonthAndRolling(YearMonth month, List<String> components, BigDecimal target) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant now = clock.instant();
        Instant asOf = now.isBefore(to) ? now : to;
        Instant rollingFrom = now.minus(ROLLING);
        Instant loadFrom = earliest(from, asOf.minus(LONGEST_BURN_WINDOW), rollingFrom);
        Instant loadTo = to.isAfter(now) ? to : now;
        List<OutageRecord> records = outages.outagesOverlapping(loadFrom, loadTo, betaComponents(), components);
        if (components == null) {
            records = exempt(records, loadFrom, loadTo);
        }
        List<ExclusionWindow> windows = windows(loadFrom, loadTo);
        // the platform's month: the policy version in force for it; a customer's: the plan's target, the SLA's tiers
        SlaPolicyVersion policy = components == null ? policyAt(from) : null;
        return new MonthAndRolling(compute(month.toString(), from, to, now, records, windows, policy, target),
                compute("rolling-30d", rollingFrom, now, now, records, windows, policy, target));
    }

    public record MonthAndRolling(AvailabilityReport month, AvailabilityReport rolling30Days) {
    }

    /** Daily availability of each day in [from, to) (UTC dates), for one component or all (code null). */
    public Map<LocalDate, BigDecimal> daily(LocalDate from, LocalDate to, String componentCode) {
        return remembered("daily:" + from + ":" + to + ":" + componentCode,
                to.atStartOfDay().toInstant(ZoneOffset.UTC),
                () -> Collections.unmodifiableMap(computeDaily(from, to, componentCode)), changesShownWithin);
    }

    /** The data version: it changes with every {@link #dataChanged()} and again when that transaction ends. */
    long dataVersion() {
        return version.get();
    }

    /**
     * An incident or a maintenance window changed: answers computed before the current transaction
     * ends are not used again. It runs in the publisher's transaction, so that a decision taken later
     * in it (a credit computed in the same step) never reads an answer from before the change, and
     * once more after it ends, so that an answer read by someone else meanwhile is not kept either.
     */
    @EventListener
    void on(OutageEvent event) {
        dataChanged();
    }

    void dataChanged() {
        NowAndAfterTransaction.run(version::incrementAndGet);
    }

    /**
     * The answer kept for {@code key}, or one computed now (once: concurrent askers wait for it).
     * A kept answer that is still good but will soon not be (over half its time left since a
     * change, or in its last half of {@link #FRESH_FOR}) is computed again ahead by one asker,
     * while the others take the kept one: under a steady stream of changes nobody waits for a
     * computation, and nobody is shown an answer older than the rule allows (issue #21).
     */
    private <T> T remembered(String key, Instant periodEnd, Supplier<T> compute,
            Duration changedSinceAtMost) {
        T hit = lookup(key, changedSinceAtMost);
        if (hit != null) {
            if (!dueForRefresh(memo.get(key), changedSinceAtMost)) {
                return hit;
            }
            ReentrantLock ahead = computing.computeIfAbsent(key, k -> new ReentrantLock());
            if (!ahead.tryLock()) {
                return hit;
            }
            try {
                return compute(key, periodEnd, compute);
            }
            finally {
                ahead.unlock();
            }
        }
        ReentrantLock lock = computing.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            hit = lookup(key, changedSinceAtMost);
            return hit != null ? hit : compute(key, periodEnd, compute);
        }
        finally {
            lock.unlock();
        }
    }

    private <T> T compute(String key, Instant periodEnd, Supplier<T> compute) {
        Instant now = clock.instant();
        long current = version.get();
        T value = reading.execute(status -> compute.get());
        // a period that is over stays valid until the data changes; one that is not, for seconds
        Instant until = now.isBefore(periodEnd) ? now.plus(FRESH_FOR) : Instant.MAX;
        if (memo.size() >= CACHE_MAX) {
            memo.clear();
            computing.clear();
        }
        memo.put(key, new Memo(value, current, now, until));
        return value;
    }

    private boolean dueForRefresh(Memo m, Duration changedSinceAtMost) {
        if (m == null) {
            return false;
        }
        Instant now = clock.instant();
        boolean changed = m.version() != version.get()
                && now.isAfter(m.computedAt().plus(changedSinceAtMost.dividedBy(2)));
        boolean ending = !m.until().equals(Instant.MAX) && now.isAfter(m.until().minus(FRESH_FOR.dividedBy(2)));
        return changed || ending;
    }

    @SuppressWarnings("unchecked")
    private <T> T lookup(String key, Duration changedSinceAtMost) {
        Instant now = clock.instant();
        Memo m = memo.get(key);
        if (m == null || now.isBefore(m.computedAt()) || !now.isBefore(m.until())) {
            return null;
        }
        boolean unchanged = m.version() == version.get();
        return unchanged || Duration.between(m.computedAt(), now).compareTo(changedSinceAtMost) < 0 ? (T) m.value() : null;
    }

    private Map<LocalDate, BigDecimal> computeDaily(LocalDate from, LocalDate to, String componentCode) {
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant now = clock.instant();
        List<OutageRecord> records = outages.outagesOverlapping(start, end, betaComponents(),
                componentCode == null ? null : List.of(componentCode));
        List<ExclusionWindow> windows = windows(start, end);
        Map<LocalDate, BigDecimal> days = new LinkedHashMap<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            Interval period = new Interval(day.atStartOfDay().toInstant(ZoneOffset.UTC),
                    day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            long down = AvailabilityCalculator.downtime(period, now, records, windows).downtimeSeconds();
            days.put(day, availability(down, period.length().toSeconds()).setScale(3, RoundingMode.DOWN));
        }
        return days;
    }

    /** As {@link #compute(String, Instant, Instant, Instant, List, List, BigDecimal)}, against the SLA's 99.9%. */
    static AvailabilityReport compute(String name, Instant from, Instant to, Instant now, List<OutageRecord> records,
            List<ExclusionWindow> windows) {
        return compute(name, from, to, now, records, windows, DEFAULT_TARGET_PERCENT);
    }

    /** The arithmetic of a report, on data already loaded (outages and windows must cover the burn windows too). */
    private static AvailabilityReport compute(String name, Instant from, Instant to, Instant now,
            List<OutageRecord> records, List<ExclusionWindow> windows, SlaPolicyVersion policy, BigDecimal fallbackTarget) {
        return policy == null ? compute(name, from, to, now, records, windows, fallbackTarget)
                : compute(name, from, to, now, records, windows, policy.targetPercent(), policy.reducedAtPercent(),
                        policy.freezeBelowPercent());
    }

    static AvailabilityReport compute(String name, Instant from, Instant to, Instant now, List<OutageRecord> records,
            List<ExclusionWindow> windows, BigDecimal targetPercent) {
        return compute(name, from, to, now, records, windows, targetPercent, BudgetPolicy.FIFTY, BudgetPolicy.TWENTY_FIVE);
    }

    static AvailabilityReport compute(String name, Instant from, Instant to, Instant now, List<OutageRecord> records,
            List<ExclusionWindow> windows, BigDecimal targetPercent, BigDecimal reducedAt, BigDecimal freezeBelow) {
        BigDecimal errorRate = HUNDRED.subtract(targetPercent).divide(HUNDRED);
        Instant asOf = now.isBefore(to) ? now : to;
        Interval period = new Interval(from, to);
        AvailabilityCalculator.Breakdown breakdown = AvailabilityCalculator.downtime(period, now, records, windows);
        long totalSeconds = period.length().toSeconds();
        BigDecimal exact = availability(breakdown.downtimeSeconds(), totalSeconds);
        BigDecimal budgetSeconds = errorRate.multiply(BigDecimal.valueOf(totalSeconds));
        BigDecimal remainingSeconds = budgetSeconds.subtract(BigDecimal.valueOf(breakdown.downtimeSeconds())).max(BigDecimal.ZERO);
        BigDecimal remainingPercent = remainingSeconds.multiply(HUNDRED).divide(budgetSeconds, 10, RoundingMode.HALF_EVEN);

        List<BurnRate> burnRates = new ArrayList<>();
        for (Map.Entry<String, Duration> w : BURN_WINDOWS.entrySet()) {
            Interval window = new Interval(asOf.minus(w.getValue()), asOf);
            long down = AvailabilityCalculator.downtime(window, now, records, windows).downtimeSeconds();
            BigDecimal rate = BigDecimal.valueOf(down).divide(BigDecimal.valueOf(w.getValue().toSeconds()), 12, RoundingMode.HALF_EVEN)
                    .divide(errorRate, 2, RoundingMode.HALF_UP);
            burnRates.add(BurnRate.of(w.getKey(), rate));
        }
        List<Exclusion> exclusions = breakdown.exclusions().stream()
                .map(e -> new Exclusion(e.incidentId(), e.maintenanceId(), e.reason(), minutes(e.seconds()))).toList();
        return new AvailabilityReport(name, from, to, asOf, targetPercent, minutes(totalSeconds),
                minutes(breakdown.downtimeSeconds()), minutes(breakdown.excludedSeconds()),
                exact.setScale(3, RoundingMode.DOWN), minutes(budgetSeconds), minutes(remainingSeconds),
                remainingPercent.setScale(3, RoundingMode.HALF_UP), AvailabilityStatus.of(exact, targetPercent),
                BudgetPolicy.of(remainingPercent, reducedAt, freezeBelow), burnRates, exclusions, exact);
    }

    private List<ExclusionWindow> windows(Instant from, Instant to) {
        ExclusionWindows source = exclusionWindows.getIfAvailable();
        return source == null ? List.of() : source.overlapping(from, to);
    }

    private Set<String> betaComponents() {
        return catalogue.all().stream().filter(ComponentInfo::beta).map(ComponentInfo::code).collect(Collectors.toSet());
    }

    /** 100 − downtime × 100 / total, exact to 10 decimals (so tier boundaries such as 98.0 are hit exactly). */
    static BigDecimal availability(long downtimeSeconds, long totalSeconds) {
        return HUNDRED.subtract(BigDecimal.valueOf(downtimeSeconds).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(totalSeconds), 10, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static Instant earliest(Instant a, Instant b, Instant c) {
        Instant min = a.isBefore(b) ? a : b;
        return min.isBefore(c) ? min : c;
    }

    static BigDecimal minutes(long seconds) {
        return minutes(BigDecimal.valueOf(seconds));
    }

    static BigDecimal minutes(BigDecimal seconds) {
        return seconds.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

}
