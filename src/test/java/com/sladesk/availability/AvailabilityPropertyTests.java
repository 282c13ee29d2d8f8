package com.sladesk.availability;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill 6: the engine's invariants over generated incidents and maintenance windows (jqwik).
 * Outages may start before the month, end after it, overlap, be open, or be excluded.
 */
class AvailabilityPropertyTests {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant AFTER = Instant.parse("2026-12-15T00:00:00Z");

    @Provide
    Arbitrary<OutageRecord> outage() {
        var start = Arbitraries.longs().between(-3_000, 46_000);
        var length = Arbitraries.longs().between(0, 6_000);
        var open = Arbitraries.integers().between(0, 19).map(i -> i == 0);
        var cause = Arbitraries.of(OutageCause.INTERNAL, OutageCause.INTERNAL, OutageCause.INTERNAL, OutageCause.THIRD_PARTY,
                OutageCause.CUSTOMER, OutageCause.FORCE_MAJEURE);
        var production = Arbitraries.integers().between(0, 9).map(i -> i != 0);
        var beta = Arbitraries.integers().between(0, 9).map(i -> i == 0);
        return Combinators.combine(start, length, open, cause, production, beta).as((s, l, o, c, p, b) ->
                new OutageRecord(1, FROM.plus(Duration.ofMinutes(s)), o ? null : FROM.plus(Duration.ofMinutes(s + l)),
                        p, c, b));
    }

    @Provide
    Arbitrary<ExclusionWindow> window() {
        var start = Arbitraries.longs().between(-500, 44_000);
        var length = Arbitraries.longs().between(1, 600);
        return Combinators.combine(start, length).as((s, l) -> new ExclusionWindow(7,
                FROM.plus(Duration.ofMinutes(s)), FROM.plus(Duration.ofMinutes(s + l)), "maintenance"));
    }

    static AvailabilityReport november(List<OutageRecord> outages, List<ExclusionWindow> windows) {
        return AvailabilityService.compute("2026-11", FROM, TO, AFTER, outages, windows);
    }

    @Property(tries = 300)
    void availabilityIsAPercentage(@ForAll @Size(max = 40) List<@net.jqwik.api.From("outage") OutageRecord> outages,
            @ForAll @Size(max = 5) List<@net.jqwik.api.From("window") ExclusionWindow> windows) {
        AvailabilityReport r = november(outages, windows);
        assertThat(r.availabilityPercent()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        assertThat(r.downtimeMinutes()).isBetween(BigDecimal.ZERO, r.totalMinutes());
        assertThat(r.excludedMinutes()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }

    @Property(tries = 300)
    void moreDowntimeNeverRaisesAvailability(@ForAll @Size(max = 30) List<@net.jqwik.api.From("outage") OutageRecord> outages,
            @ForAll("outage") OutageRecord another, @ForAll @Size(max = 3) List<@net.jqwik.api.From("window") ExclusionWindow> windows) {
        AvailabilityReport before = november(outages, windows);
        List<OutageRecord> more = new ArrayList<>(outages);
        more.add(another);
        AvailabilityReport after = november(more, windows);
        assertThat(after.downtimeMinutes()).isGreaterThanOrEqualTo(before.downtimeMinutes());
        assertThat(after.exactAvailabilityPercent()).isLessThanOrEqualTo(before.exactAvailabilityPercent());
    }

    @Property(tries = 300)
    void theUnionIsNeverLargerThanTheSumNorSmallerThanTheLongest(
            @ForAll @Size(max = 40) List<@net.jqwik.api.From("outage") OutageRecord> outages) {
        List<Interval> clipped = new ArrayList<>();
        long sum = 0;
        long longest = 0;
        Interval month = new Interval(FROM, TO);
        for (OutageRecord o : outages) {
            Interval i = new Interval(o.start(), o.end() == null ? AFTER : o.end()).clip(month);
            if (!i.isEmpty()) {
                clipped.add(i);
                sum += i.length().toSeconds();
                longest = Math.max(longest, i.length().toSeconds());
            }
        }
        long union = AvailabilityCalculator.measure(AvailabilityCalculator.union(clipped));
        assertThat(union).isLessThanOrEqualTo(sum).isGreaterThanOrEqualTo(longest);
        // and the engine's downtime is at most that union
        List<OutageRecord> counted = outages.stream().filter(o -> o.production() && "internal".equals(o.cause())
                && !o.betaOnly()).toList();
        BigDecimal downtime = november(counted, List.of()).downtimeMinutes();
        assertThat(downtime.multiply(BigDecimal.valueOf(60)).longValue()).isLessThanOrEqualTo(union);
    }

    @Property(tries = 200)
    void maintenanceWindowsOnlyEverReduceDowntime(@ForAll @Size(max = 30) List<@net.jqwik.api.From("outage") OutageRecord> outages,
            @ForAll @Size(min = 1, max = 5) List<@net.jqwik.api.From("window") ExclusionWindow> windows) {
        assertThat(november(outages, windows).downtimeMinutes())
                .isLessThanOrEqualTo(november(outages, List.of()).downtimeMinutes());
    }

    @Property(tries = 200)
    void theOrderOfIncidentsDoesNotMatter(@ForAll @Size(max = 30) List<@net.jqwik.api.From("outage") OutageRecord> outages) {
        List<OutageRecord> reversed = new ArrayList<>(outages);
        Collections.reverse(reversed);
        assertThat(november(reversed, List.of()).downtimeMinutes())
                .isEqualByComparingTo(november(outages, List.of()).downtimeMinutes());
    }
}
