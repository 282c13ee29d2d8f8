package com.sladesk.availability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The downtime rules of the SLA in one pass over sorted intervals (SLA section 1 "Calculation",
 * section 3 "Exclusions from Downtime Calculation", "Exclusions & Exceptions"): downtime is the
 * union of the outage intervals of production incidents caused internally (or not yet known),
 * clipped to the period and to now, minus maintenance windows. Outages in staging, caused by a
 * third party, the customer or force majeure, or touching only beta components are excluded, and
 * so is outage time inside a maintenance window; each is reported with its reason.
 */
final class AvailabilityCalculator {

    private AvailabilityCalculator() {
    }

    /** Downtime and exclusions in {@code period}, as of {@code asOf} (open incidents run until then). */
    static Breakdown downtime(Interval period, Instant asOf, Collection<OutageRecord> outages,
            Collection<ExclusionWindow> windows) {
        Instant until = period.end().isBefore(asOf) ? period.end() : asOf;
        if (!until.isAfter(period.start())) {
            return new Breakdown(0, 0, List.of());
        }
        Interval visible = new Interval(period.start(), until);
        List<Interval> all = new ArrayList<>();
        List<Interval> counted = new ArrayList<>();
        List<Excluded> exclusions = new ArrayList<>();
        for (OutageRecord outage : outages) {
            if (!outage.start().isBefore(until) || (outage.end() != null && !outage.end().isAfter(period.start()))) {
                continue; // outside the period: most records, for the short burn-rate windows
            }
            Instant end = outage.end() == null || outage.end().isAfter(asOf) ? asOf : outage.end();
            if (end.isBefore(outage.start())) {
                continue;
            }
            Interval clipped = new Interval(outage.start(), end).clip(visible);
            if (clipped.isEmpty()) {
                continue;
            }
            all.add(clipped);
            String reason = exclusionReason(outage);
            if (reason == null) {
                counted.add(clipped);
            }
            else {
                exclusions.add(new Excluded(outage.incidentId(), null, reason, clipped.length().toSeconds()));
            }
        }
        List<Interval> candidates = union(counted);
        List<Interval> maintenance = new ArrayList<>();
        for (ExclusionWindow window : windows) {
            Interval clipped = new Interval(window.start(), window.end()).clip(visible);
            if (clipped.isEmpty()) {
                continue;
            }
            maintenance.add(clipped);
            long overlap = measure(intersect(candidates, List.of(clipped)));
            if (overlap > 0) {
                exclusions.add(new Excluded(null, window.maintenanceId(), window.reason(), overlap));
            }
        }
        long downtime = measure(subtract(candidates, union(maintenance)));
        long excluded = measure(union(all)) - downtime;
        return new Breakdown(downtime, excluded, exclusions);
    }

    static String exclusionReason(OutageRecord outage) {
        if (outage.exemptedBy() != null) {
            return "exempted by exception " + outage.exemptedBy();
        }
        if (!outage.production()) {
            return "staging environment";
        }
        if (outage.cause() != null && outage.cause().excluded()) {
            return "cause: " + outage.cause();
        }
        if (outage.betaOnly()) {
            return "beta components only";
        }
        return null;
    }

    /** Sorted, non-overlapping intervals covering exactly what the given ones cover. */
    static List<Interval> union(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        Interval current = null;
        for (Interval next : sorted) {
            if (next.isEmpty()) {
                continue;
            }
            if (current == null) {
                current = next;
            }
            else if (!next.start().isAfter(current.end())) {
                current = new Interval(current.start(), next.end().isAfter(current.end()) ? next.end() : current.end());
            }
            else {
                merged.add(current);
                current = next;
            }
        }
        if (current != null) {
            merged.add(current);
        }
        return merged;
    }

    /** Parts of sorted disjoint {@code a} not covered by sorted disjoint {@code b}. */
    static List<Interval> subtract(List<Interval> a, List<Interval> b) {
        List<Interval> result = new ArrayList<>();
        int j = 0;
        for (Interval interval : a) {
            Instant cursor = interval.start();
            while (j < b.size() && !b.get(j).end().isAfter(cursor)) {
                j++;
            }
            int k = j;
            while (k < b.size() && b.get(k).start().isBefore(interval.end())) {
                Interval cut = b.get(k);
                if (cut.start().isAfter(cursor)) {
                    result.add(new Interval(cursor, cut.start()));
                }
                if (cut.end().isAfter(cursor)) {
                    cursor = cut.end();
                }
                if (!cursor.isBefore(interval.end())) {
                    break;
                }
                k++;
            }
            if (cursor.isBefore(interval.end())) {
                result.add(new Interval(cursor, interval.end()));
            }
        }
        return result;
    }

    static List<Interval> intersect(List<Interval> a, List<Interval> b) {
        List<Interval> result = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Interval overlap = a.get(i).clip(b.get(j));
            if (!overlap.isEmpty()) {
                result.add(overlap);
            }
            if (a.get(i).end().isBefore(b.get(j).end())) {
                i++;
            }
            else {
                j++;
            }
        }
        return result;
    }

    static long measure(List<Interval> disjoint) {
        return disjoint.stream().mapToLong(i -> i.length().toSeconds()).sum();
    }

    /** Seconds of downtime and of excluded outage time, and each exclusion with its seconds. */
    record Breakdown(long downtimeSeconds, long excludedSeconds, List<Excluded> exclusions) {
    }

    record Excluded(Long incidentId, Long maintenanceId, String reason, long seconds) {
    }
}
