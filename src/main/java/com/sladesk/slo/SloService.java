package com.sladesk.slo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.sladesk.availability.AvailabilityStatus;
import com.sladesk.availability.BudgetPolicy;
import com.sladesk.availability.BurnRate;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.system.DuplicateException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: SLOs as code (create, new versions, retire, OpenSLO in and out), their
 * figures over their windows from the stored SLI, their Prometheus rules, and the tiers of the
 * SLOs that gate changes.
 */
@Service
@Transactional
public class SloService {

    /** The burn-rate windows of the status answer: the SLA's, as for the incident-based availability. */
    static final Map<String, Duration> BURN_WINDOWS = BurnRate.WINDOWS;

    private final SloStore store;
    private final PrometheusClient prometheus;
    private final ComponentCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SloService(SloStore store, PrometheusClient prometheus, ComponentCatalogue catalogue,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.prometheus = prometheus;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SloView> list() {
        return store.current();
    }

    @Transactional(readOnly = true)
    public SloView find(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("SLO", id));
    }

    @Transactional(readOnly = true)
    public List<SloView> versions(long id) {
        find(id);
        return store.versions(id);
    }

    public SloView create(SloDefinition draft, String actor) {
        SloDefinition definition = checked(draft);
        if (store.findByName(definition.name()).isPresent()) {
            throw new DuplicateException("name", "an SLO named " + definition.name() + " exists");
        }
        Check check = check(definition);
        long id = store.insert(definition, check.state(), check.problem(), actor, clock.instant());
        events.publishEvent(new SloChanged(actor, "create", id, describe(definition)));
        events.publishEvent(new SloSaved(id));
        return find(id);
    }

    /** A new version of the SLO; a changed indicator or window forgets the stored SLI and back-fills again. */
    public SloView change(long id, SloDefinition draft, String actor) {
        SloView current = find(id);
        if (current.retired()) {
            throw new InvalidInputException("id", "retired", "SLO " + current.name() + " is retired");
        }
        SloDefinition definition = checked(draft);
        if (!definition.name().equals(current.name())) {
            throw new InvalidInputException("name", "unchangeable", "an SLO's name never changes (it is " + current.name() + ")");
        }
        if (definition.equals(current.definition())) {
            return current;
        }
        Check check = check(definition);
        int version = current.version() + 1;
        store.insertVersion(id, version, definition, actor, clock.instant());
        store.setCurrent(id, version, check.state(), check.problem());
        if (!Objects.equals(definition.indicator(), current.indicator())
                || !definition.window().equals(current.window())) {
            store.forgetMinutes(id);
            store.bounds(id, null);
        }
        events.publishEvent(new SloChanged(actor, "change", id,
                "before: " + describe(current.definition()) + "; after: " + describe(definition)));
        events.publishEvent(new SloSaved(id));
        return find(id);
    }

    public SloView retire(long id, String actor) {
        SloView current = find(id);
        if (!current.retired()) {
            store.retire(id);
            events.publishEvent(new SloChanged(actor, "retire", id, current.name()));
        }
        return find(id);
    }

    /** Creates or changes (by name) every SLO of an OpenSLO text, all or none. */
    public List<SloView> importOpenSlo(String yaml, String actor) {
        List<SloDefinition> definitions = OpenSlo.read(yaml);
        List<SloView> saved = new ArrayList<>();
        for (SloDefinition definition : definitions) {
            SloView existing = store.findByName(definition.name()).orElse(null);
            saved.add(existing == null ? create(definition, actor) : change(existing.id(), definition, actor));
        }
        return saved;
    }

    @Transactional(readOnly = true)
    public String exportOpenSlo(Long id) {
        return OpenSlo.write(id == null ? list() : List.of(find(id)));
    }

    /**
     * The SLO's Prometheus rules. A latency threshold needs the histogram's bounds around it (is it
     * a bound, or between which two?): as the evaluator last found them, or asked of Prometheus now;
     * without either the answer is a 409, never rules that would silently match no bucket.
     */
    public String rules(long id) {
        SloView slo = find(id);
        if (slo.indicator().kind() != SliKind.THRESHOLD) {
            return SloRules.rules(slo, null);
        }
        double[] bounds = store.bounds(id);
        if (bounds == null) {
            try {
                HistogramBounds found = HistogramBounds.of(prometheus.query("count by (le) ("
                        + slo.indicator().histogram() + ")", clock.instant()), slo.indicator().thresholdSeconds());
                bounds = new double[] { found.lowerBound(), found.upperBound() };
                store.bounds(id, bounds[0] + "," + bounds[1]);
            }
            catch (PrometheusClient.Unavailable | PrometheusClient.Rejected e) {
                throw new com.sladesk.system.ConflictException("the buckets of " + slo.indicator().histogram()
                        + " around " + slo.indicator().thresholdSeconds() + " s are not known yet (Prometheus: "
                        + e.getMessage() + "); they are learned at the SLO's first evaluation");
            }
        }
        return SloRules.rules(slo, bounds[0] == bounds[1] ? null : bounds);
    }

    @Transactional(readOnly = true)
    public SloStatus status(long id) {
        return status(find(id), clock.instant());
    }

    @Transactional(readOnly = true)
    public List<SloStatus> statuses() {
        Instant now = clock.instant();
        return list().stream().map(slo -> status(slo, now)).toList();
    }

    /** The tiers of the valid SLOs that gate changes and have data in their window. */
    @Transactional(readOnly = true)
    public List<SloGate> gates() {
        Instant now = clock.instant();
        List<SloGate> gates = new ArrayList<>();
        for (SloView slo : list()) {
            if (slo.gatesChanges() && !"INVALID".equals(slo.state())) {
                SloStatus status = status(slo, now);
                if (status.hasData()) {
                    gates.add(new SloGate(slo.name(), slo.title(), status.policy(),
                            status.errorBudget().remainingPercent()));
                }
            }
        }
        return gates;
    }

    /** Every SLO over the period from {@code from} to {@code to} (up to now, for a period not over). */
    @Transactional(readOnly = true)
    public List<SloPeriod> period(Instant from, Instant to) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant end = to.isAfter(now) ? now : to;
        List<SloPeriod> periods = new ArrayList<>();
        for (SloView slo : list()) {
            SloStore.Sums sums = store.sums(slo.id(), from, end);
            long minutes = Math.max(0, Duration.between(from, end).toMinutes());
            double budgetRatio = 1 - slo.target().movePointLeft(2).doubleValue();
            boolean data = sums.total() > 0;
            periods.add(new SloPeriod(slo.id(), slo.name(), slo.title(), slo.target(), from, to,
                    data ? scaled(sums.good() / sums.total() * 100, 6) : null, scaled(sums.good(), 3),
                    scaled(sums.total(), 3),
                    data ? scaled((sums.total() - sums.good()) / (budgetRatio * sums.total()) * 100, 2) : null,
                    Math.max(0, minutes - sums.minutesWithData())));
        }
        return periods;
    }

    /** The window in steps, for the page's charts. */
    @Transactional(readOnly = true)
    public SloChart chart(long id) {
        SloView slo = find(id);
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        SloWindow window = SloWindow.parse(slo.window());
        Instant start = window.start(end);
        boolean hourly = !window.calendarMonth() && window.days() <= 2;
        long step = hourly ? 3600 : 86400;
        double budgetRatio = 1 - slo.target().movePointLeft(2).doubleValue();
        SloStore.Sums all = store.sums(id, start, end);
        double budget = budgetRatio * all.total();
        List<String> labels = new ArrayList<>();
        List<BigDecimal> sli = new ArrayList<>();
        List<BigDecimal> consumed = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        double bad = 0;
        for (Object[] bucket : store.buckets(id, start, end, step)) {
            Instant at = (Instant) bucket[0];
            double good = (double) bucket[1];
            double total = (double) bucket[2];
            bad += total - good;
            labels.add(hourly ? at.toString().substring(5, 16).replace('T', ' ') : at.toString().substring(0, 10));
            sli.add(total > 0 ? scaled(good / total * 100, 4) : null);
            consumed.add(budget > 0 ? scaled(bad / budget * 100, 2) : null);
            gaps.add((long) bucket[3]);
        }
        return new SloChart(hourly ? "hour" : "day", labels, sli, consumed, gaps);
    }

    SloStatus status(SloView slo, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        SloWindow window = SloWindow.parse(slo.window());
        Instant start = window.start(end);
        List<Instant> starts = new ArrayList<>(List.of(start));
        BURN_WINDOWS.values().forEach(w -> starts.add(end.minus(w)));
        List<SloStore.Sums> read = store.sumsTo(slo.id(), starts, end);
        SloStore.Sums all = read.get(0);
        long windowMinutes = Duration.between(start, end).toMinutes();
        BigDecimal target = slo.target();
        double budgetRatio = 1 - target.movePointLeft(2).doubleValue();
        Map<String, BigDecimal> burns = new LinkedHashMap<>();
        Map<String, SloStore.Sums> recent = new LinkedHashMap<>();
        int next = 1;
        for (String w : BURN_WINDOWS.keySet()) {
            SloStore.Sums sums = read.get(next++);
            recent.put(w, sums);
            burns.put(w, sums.total() > 0
                    ? scaled((sums.total() - sums.good()) / sums.total() / budgetRatio, 4) : null);
        }
        Instant evaluatedAt = store.evaluatedAt(slo.id()).orElse(null);
        long noData = Math.max(0, windowMinutes - all.minutesWithData());
        if (all.total() <= 0) {
            return new SloStatus(slo.id(), slo.name(), target, slo.window(), start, null, scaled(all.good(), 3),
                    scaled(all.total(), 3), new SloStatus.ErrorBudget(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null),
                    burns, "NO_DATA", null, null, noData, windowMinutes, slo.state(), evaluatedAt);
        }
        double bad = all.total() - all.good();
        double budget = budgetRatio * all.total();
        double remaining = budget - bad;
        BigDecimal remainingPercent = scaled(remaining / budget * 100, 4);
        String status = AvailabilityStatus.ofObjective(all.good() / all.total() * 100, target).name();
        SloStore.Sums lastHour = recent.get("1h");
        double badLastHour = lastHour.total() - lastHour.good();
        Duration timeLeft = remaining <= 0 ? Duration.ZERO
                : badLastHour > 0 ? Duration.ofSeconds(Math.round(remaining / badLastHour * 3600)) : null;
        return new SloStatus(slo.id(), slo.name(), target, slo.window(), start,
                scaled(all.good() / all.total() * 100, 6), scaled(all.good(), 3), scaled(all.total(), 3),
                new SloStatus.ErrorBudget(scaled(budget, 3), scaled(bad, 3), scaled(remaining, 3), remainingPercent),
                burns, status, BudgetPolicy.of(remainingPercent), timeLeft, noData, windowMinutes, slo.state(),
                evaluatedAt);
    }

    private SloDefinition checked(SloDefinition draft) {
        SloDefinition definition = draft.checked();
        List<String> unknown = catalogue.unknownCodes(definition.components());
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("components", "unknown", "unknown or retired components: " + unknown);
        }
        if (definition.indicator().kind() == SliKind.THRESHOLD
                && !PromQl.SELECTOR.matcher(definition.indicator().histogram()).matches()) {
            throw new InvalidInputException("indicator.histogram", "format",
                    "a histogram is its bucket series' selector, such as http_request_duration_seconds_bucket{job=\"api\"}");
        }
        return definition;
    }

    record Check(String state, String problem) {
    }

    /**
     * Asks Prometheus once for each query: a refused query makes the SLO INVALID (saved, with
     * Prometheus's message, and never evaluated); a threshold beyond the histogram's bounds is
     * refused outright; no answer leaves it PENDING for the evaluator.
     */
    private Check check(SloDefinition definition) {
        if (!prometheus.configured()) {
            return new Check("PENDING", null);
        }
        Instant now = clock.instant();
        SloDefinition.Indicator indicator = definition.indicator();
        try {
            if (indicator.kind() == SliKind.THRESHOLD) {
                List<PrometheusClient.Series> buckets = prometheus.query("count by (le) (" + indicator.histogram() + ")", now);
                if (!buckets.isEmpty()) {
                    HistogramBounds.of(buckets, indicator.thresholdSeconds());
                }
            } else {
                for (String query : new String[] { indicator.good(), indicator.bad(), indicator.total() }) {
                    if (query != null) {
                        prometheus.query(query, now);
                    }
                }
            }
            return new Check("VALID", null);
        }
        catch (HistogramBounds.UnknownBound e) {
            throw new InvalidInputException("indicator.thresholdSeconds", "bound", e.getMessage());
        }
        catch (PrometheusClient.Rejected e) {
            return new Check("INVALID", e.getMessage());
        }
        catch (PrometheusClient.Unavailable e) {
            return new Check("PENDING", null);
        }
    }

    private static String describe(SloDefinition d) {
        return d.name() + " (" + d.target().toPlainString() + "% over " + d.window()
                + (d.gatesChanges() ? ", gates changes" : "") + ")";
    }

    static BigDecimal scaled(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }


    /** Internal: an SLO was saved; the evaluator back-fills it once the transaction commits. */
    record SloSaved(long id) {
    }
}
