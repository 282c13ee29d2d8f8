package com.sladesk.slo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every SLO's indicator from Prometheus, one minute at a time, and stores good and total
 * events per minute. Every node ticks a few seconds after each minute; the one that moves the lock
 * row in the database to that minute evaluates it, the others skip it.
 *
 * <p>For each SLO it asks only for what is missing: the whole window (and the current calendar
 * month) the first time, then the minutes since the last evaluation, plus the gaps worth asking
 * again (Prometheus did not answer; or answered empty within the last hour, as late scrapes
 * arrive). Events in a minute are the increase of each counter series between the minute's two
 * ends, computed by Prometheus ({@link PromQl#minuteIncrease}: a series that dropped was reset
 * and its new value is the increase), then summed as the query says; never Prometheus's
 * extrapolated {@code increase()}. A minute without data is a gap, never 100% or 0%.
 */
@Component
class SloEvaluator {

    private static final Logger log = LoggerFactory.getLogger(SloEvaluator.class);

    static final Duration STEP = Duration.ofMinutes(1);
    /** Prometheus answers at most 11,000 points a series: ask for at most this many minutes at once. */
    static final int CHUNK_MINUTES = 10_000;
    /** An empty minute is asked for again while it is this young (a scrape can arrive late). */
    static final Duration EMPTY_RETRIED_FOR = Duration.ofHours(1);
    /** How long the SLI per minute is kept. */
    static final Duration KEPT_FOR = Duration.ofDays(400);

    private final SloStore store;
    private final PrometheusClient prometheus;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean enabled;
    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "slo-backfill");
        thread.setDaemon(true);
        return thread;
    });

    SloEvaluator(SloStore store, PrometheusClient prometheus, TransactionTemplate transactions, Clock clock,
            @Value("${sladesk.slo.evaluation.enabled:true}") boolean enabled) {
        this.store = store;
        this.prometheus = prometheus;
        this.transactions = transactions;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Every minute, a few seconds after it ends, on the one node that claims it. */
    @Scheduled(cron = "${sladesk.slo.evaluation.cron:5 * * * * *}")
    void tick() {
        if (!enabled || !prometheus.configured()) {
            return;
        }
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (store.claim(minute)) {
            evaluateAll(minute);
        }
    }

    /** A new or changed SLO is back-filled at once, on this node, once its transaction commits. */
    @TransactionalEventListener
    void saved(SloService.SloSaved saved) {
        if (enabled && prometheus.configured()) {
            background.execute(() -> evaluate(saved.id(), clock.instant()));
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Evaluates every SLO up to the minute ending at {@code end} (truncated to the minute); on the hour, prunes. */
    void evaluateAll(Instant end) {
        for (SloView slo : store.current()) {
            evaluate(slo.id(), end);
        }
        if (end.truncatedTo(ChronoUnit.HOURS).equals(end.truncatedTo(ChronoUnit.MINUTES))) {
            prune(end);
        }
    }

    /**
     * Minutes are kept for {@link #KEPT_FOR} (400 days: a year's report and the windows before it);
     * older ones are deleted, so that the table grows to a bound (about 576,000 rows an SLO).
     */
    int prune(Instant now) {
        int forgotten = store.forgetMinutesBefore(now.minus(KEPT_FOR));
        if (forgotten > 0) {
            log.info("Forgot {} SLO minutes older than {} days", forgotten, KEPT_FOR.toDays());
        }
        return forgotten;
    }

    /** Evaluates one SLO up to {@code end}; never throws: what fails is a gap or the SLO's problem. */
    void evaluate(long id, Instant end) {
        running.lock();
        try {
            SloView slo = store.find(id).orElse(null);
            if (slo == null || slo.retired() || "INVALID".equals(slo.state())) {
                return;
            }
            evaluate(slo, end.truncatedTo(ChronoUnit.MINUTES));
        }
        catch (RuntimeException e) {
            log.warn("SLO {} could not be evaluated: {}", id, e.toString());
        }
        finally {
            running.unlock();
        }
    }

    private void evaluate(SloView slo, Instant end) {
        Instant from = backfillFrom(slo, end);
        List<Span> spans = new ArrayList<>();
        Instant first = store.firstMinute(slo.id()).orElse(null);
        Instant last = store.lastMinute(slo.id()).orElse(null);
        if (first == null) {
            spans.add(new Span(from, end));
        } else {
            if (first.isAfter(from.plus(STEP))) {
                spans.add(new Span(from, first.minus(STEP)));
            }
            Span gap = null;
            for (Instant minute : store.retryableGaps(slo.id(), from, end.minus(EMPTY_RETRIED_FOR))) {
                if (gap != null && gap.end().plus(STEP).equals(minute)) {
                    gap = new Span(gap.start(), minute);
                } else {
                    if (gap != null) {
                        spans.add(gap);
                    }
                    gap = new Span(minute.minus(STEP), minute);
                }
            }
            if (gap != null) {
                spans.add(gap);
            }
            if (last.isBefore(end)) {
                spans.add(new Span(last, end));
            }
        }
        PrometheusClient.Unavailable unavailable = null;
        for (Span span : spans) {
            for (Span chunk : span.chunks()) {
                if (unavailable != null) {
                    store(slo.id(), chunk.gaps(unavailable.gap()));
                    continue;
                }
                try {
                    store(slo.id(), minutes(slo, chunk));
                    if ("PENDING".equals(slo.state())) {
                        store.setState(slo.id(), "VALID", null);
                    }
                }
                catch (PrometheusClient.Rejected e) {
                    log.warn("SLO {} is invalid: Prometheus refused its query: {}", slo.name(), e.getMessage());
                    store.setState(slo.id(), "INVALID", e.getMessage());
                    return;
                }
                catch (PrometheusClient.Unavailable e) {
                    log.warn("SLO {}: no data from Prometheus for {} to {}: {}", slo.name(), chunk.start(), chunk.end(),
                            e.getMessage());
                    unavailable = e;
                    store(slo.id(), chunk.gaps(e.gap()));
                }
            }
        }
        store.evaluated(slo.id(), end);
    }

    private void store(long id, List<SloStore.Minute> minutes) {
        transactions.executeWithoutResult(tx -> store.store(id, minutes));
    }

    /** The window, and the calendar month so far, whichever starts earlier. */
    static Instant backfillFrom(SloView slo, Instant end) {
        Instant window = SloWindow.parse(slo.window()).start(end);
        Instant month = YearMonth.from(end.minusSeconds(60).atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        return window.isBefore(month) ? window : month;
    }

    /** Events per minute of {@code chunk}, from Prometheus. */
    List<SloStore.Minute> minutes(SloView slo, Span chunk) throws PrometheusClient.Unavailable, PrometheusClient.Rejected {
        SloDefinition.Indicator indicator = slo.indicator();
        Map<Long, Double> good;
        Map<Long, Double> total;
        switch (indicator.kind()) {
            case GOOD_TOTAL -> {
                good = increases(ask(indicator.good(), chunk), chunk);
                total = increases(ask(indicator.total(), chunk), chunk);
            }
            case BAD_TOTAL -> {
                Map<Long, Double> bad = increases(ask(indicator.bad(), chunk), chunk);
                total = increases(ask(indicator.total(), chunk), chunk);
                good = new HashMap<>();
                for (Map.Entry<Long, Double> minute : bad.entrySet()) {
                    Double all = total.get(minute.getKey());
                    if (all != null) {
                        good.put(minute.getKey(), all - minute.getValue());
                    }
                }
            }
            default -> {
                List<PrometheusClient.Series> buckets = ask("sum by (le) (" + indicator.histogram() + ")", chunk);
                HistogramBounds bounds = HistogramBounds.of(buckets, indicator.thresholdSeconds());
                store.bounds(slo.id(), bounds.lowerBound() + "," + bounds.upperBound());
                good = new HashMap<>();
                Map<Long, Double> below = increases(List.of(bounds.lower()), chunk);
                Map<Long, Double> above = bounds.upper() == null ? Map.of() : increases(List.of(bounds.upper()), chunk);
                for (Map.Entry<Long, Double> minute : below.entrySet()) {
                    double lower = minute.getValue();
                    if (bounds.upper() == null) {
                        good.put(minute.getKey(), lower);
                    } else if (above.containsKey(minute.getKey())) {
                        good.put(minute.getKey(), lower + (above.get(minute.getKey()) - lower) * bounds.fraction());
                    }
                }
                total = increases(List.of(bounds.infinity()), chunk);
            }
        }
        List<SloStore.Minute> minutes = new ArrayList<>();
        for (Instant minute : chunk.minuteEnds()) {
            Double all = total.get(minute.getEpochSecond());
            Double fine = good.get(minute.getEpochSecond());
            if (all == null || fine == null) {
                minutes.add(new SloStore.Minute(minute, null, null, "empty"));
            } else {
                minutes.add(new SloStore.Minute(minute, Math.max(0, Math.min(fine, all)), all, null));
            }
        }
        return minutes;
    }

    /** Each minute's events of a counter query, from the minute after the chunk's start to its end. */
    private List<PrometheusClient.Series> ask(String query, Span chunk)
            throws PrometheusClient.Unavailable, PrometheusClient.Rejected {
        return prometheus.queryRange(PromQl.minuteIncrease(query), chunk.start().plus(STEP), chunk.end(), STEP);
    }

    /** Per minute of the chunk, the sum over the answer's series (each already a minute's events). */
    static Map<Long, Double> increases(List<PrometheusClient.Series> series, Span chunk) {
        Map<Long, Double> sums = new HashMap<>();
        for (PrometheusClient.Series one : series) {
            for (Map.Entry<Long, Double> sample : one.samples().entrySet()) {
                if (!sample.getValue().isNaN() && !sample.getKey().equals(chunk.start().getEpochSecond())) {
                    sums.merge(sample.getKey(), sample.getValue(), Double::sum);
                }
            }
        }
        return sums;
    }

    /** Minutes ending after {@code start}, up to and including {@code end}. */
    record Span(Instant start, Instant end) {

        List<Instant> minuteEnds() {
            List<Instant> ends = new ArrayList<>();
            for (Instant m = start.plus(STEP); !m.isAfter(end); m = m.plus(STEP)) {
                ends.add(m);
            }
            return ends;
        }

        List<Span> chunks() {
            List<Span> chunks = new ArrayList<>();
            for (Instant s = start; s.isBefore(end); s = s.plus(STEP.multipliedBy(CHUNK_MINUTES))) {
                Instant e = s.plus(STEP.multipliedBy(CHUNK_MINUTES));
                chunks.add(new Span(s, e.isAfter(end) ? end : e));
            }
            return chunks;
        }

        List<SloStore.Minute> gaps(String reason) {
            return minuteEnds().stream().map(m -> new SloStore.Minute(m, null, null, reason)).toList();
        }
    }
}
