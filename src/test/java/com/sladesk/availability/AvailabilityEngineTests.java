package com.sladesk.availability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-computed months: November 2026 has 30 days (43,200 minutes, budget 43.2). */
class AvailabilityEngineTests {

    static final Instant AFTER_NOVEMBER = Instant.parse("2026-12-15T00:00:00Z");

    @Test
    void oneHalfHourOutageInA30DayMonth() {
        AvailabilityReport r = november(List.of(outage(1, "2026-11-05T10:00:00Z", "2026-11-05T10:30:00Z")), List.of());
        assertThat(r.totalMinutes()).isEqualByComparingTo("43200.0");
        assertThat(r.downtimeMinutes()).isEqualByComparingTo("30.0");
        // 100 - 30 × 100 / 43200 = 99.93055…
        assertThat(r.availabilityPercent()).isEqualByComparingTo("99.930");
        assertThat(r.errorBudgetMinutes()).isEqualByComparingTo("43.2");
        assertThat(r.errorBudgetRemainingMinutes()).isEqualByComparingTo("13.2");
        // 13.2 / 43.2 = 30.5555…%
        assertThat(r.errorBudgetRemainingPercent()).isEqualByComparingTo("30.556");
        assertThat(r.status()).isEqualTo(AvailabilityStatus.HEALTHY);
        assertThat(r.policy()).isEqualTo(BudgetPolicy.REDUCED);
        assertThat(r.excludedMinutes()).isEqualByComparingTo("0.0");
    }

    @Test
    void theSlasOwnExampleLeaves33Point2Minutes() {
        AvailabilityReport r = november(List.of(outage(1, "2026-11-05T10:00:00Z", "2026-11-05T10:10:00Z")), List.of());
        assertThat(r.errorBudgetRemainingMinutes()).isEqualByComparingTo("33.2");
    }

    @Test
    void overlappingIncidentsCountOnce() {
        AvailabilityReport r = november(List.of(
                outage(1, "2026-11-05T10:00:00Z", "2026-11-05T11:00:00Z"),
                outage(2, "2026-11-05T10:30:00Z", "2026-11-05T11:30:00Z"),
                outage(3, "2026-11-05T10:40:00Z", "2026-11-05T10:50:00Z"),
                outage(4, "2026-11-05T11:30:00Z", "2026-11-05T11:45:00Z")), List.of());
        assertThat(r.downtimeMinutes()).isEqualByComparingTo("105.0");
    }

    @Test
    void intervalsCrossingMonthBoundariesAreClipped() {
        List<OutageRecord> outages = List.of(outage(1, "2026-10-31T23:00:00Z", "2026-11-01T01:00:00Z"),
                outage(2, "2026-11-30T23:30:00Z", "2026-12-01T00:45:00Z"));
        assertThat(november(outages, List.of()).downtimeMinutes()).isEqualByComparingTo("90.0");
        AvailabilityReport october = report(YearMonth.of(2026, 10), outages, List.of(), AFTER_NOVEMBER);
        assertThat(october.downtimeMinutes()).isEqualByComparingTo("60.0");
        assertThat(october.totalMinutes()).isEqualByComparingTo("44640.0");
    }

    @Test
    void anOpenIncidentCountsUntilNow() {
        AvailabilityReport r = report(YearMonth.of(2026, 11),
                List.of(new OutageRecord(1, Instant.parse("2026-11-10T10:00:00Z"), null, true, null, false)),
                List.of(), Instant.parse("2026-11-10T12:00:00Z"));
        assertThat(r.downtimeMinutes()).isEqualByComparingTo("120.0");
        assertThat(r.totalMinutes()).isEqualByComparingTo("43200.0");
        assertThat(r.policy()).isEqualTo(BudgetPolicy.EXHAUSTED);
        assertThat(r.errorBudgetRemainingMinutes()).isEqualByComparingTo("0.0");
        // 100 - 120 × 100 / 43200 = 99.722…: between 99.5 and 99.9
        assertThat(r.availabilityPercent()).isEqualByComparingTo("99.722");
        assertThat(r.status()).isEqualTo(AvailabilityStatus.WARNING);
    }

    @Test
    void eachExclusionIsReportedWithItsReason() {
        List<OutageRecord> outages = List.of(
                outage(1, "2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z"),                         // counts: 60
                new OutageRecord(2, t("2026-11-03T10:00:00Z"), t("2026-11-03T10:20:00Z"), false, null, false),
                new OutageRecord(3, t("2026-11-04T10:00:00Z"), t("2026-11-04T10:30:00Z"), true, OutageCause.THIRD_PARTY, false),
                new OutageRecord(4, t("2026-11-05T10:00:00Z"), t("2026-11-05T10:10:00Z"), true, OutageCause.CUSTOMER, false),
                new OutageRecord(5, t("2026-11-06T10:00:00Z"), t("2026-11-06T10:05:00Z"), true, OutageCause.FORCE_MAJEURE, false),
                new OutageRecord(6, t("2026-11-07T10:00:00Z"), t("2026-11-07T10:15:00Z"), true, null, true),
                new OutageRecord(7, t("2026-11-08T02:30:00Z"), t("2026-11-08T03:30:00Z"), true, OutageCause.INTERNAL, false));
        List<ExclusionWindow> maintenance = List.of(new ExclusionWindow(9, t("2026-11-08T02:00:00Z"),
                t("2026-11-08T04:00:00Z"), "scheduled maintenance"));
        AvailabilityReport r = november(outages, maintenance);

        assertThat(r.downtimeMinutes()).isEqualByComparingTo("60.0");
        assertThat(r.excludedMinutes()).isEqualByComparingTo("140.0"); // 20 + 30 + 10 + 5 + 15 + 60
        assertThat(r.exclusions()).containsExactlyInAnyOrder(
                new Exclusion(2L, null, "staging environment", new BigDecimal("20.0")),
                new Exclusion(3L, null, "cause: third_party", new BigDecimal("30.0")),
                new Exclusion(4L, null, "cause: customer", new BigDecimal("10.0")),
                new Exclusion(5L, null, "cause: force_majeure", new BigDecimal("5.0")),
                new Exclusion(6L, null, "beta components only", new BigDecimal("15.0")),
                new Exclusion(null, 9L, "scheduled maintenance", new BigDecimal("60.0")));
    }

    @Test
    void anOutagePartlyInsideAMaintenanceWindowCountsOnlyOutsideIt() {
        AvailabilityReport r = november(List.of(outage(1, "2026-11-08T03:30:00Z", "2026-11-08T04:30:00Z")),
                List.of(new ExclusionWindow(9, t("2026-11-08T02:00:00Z"), t("2026-11-08T04:00:00Z"), "scheduled maintenance")));
        assertThat(r.downtimeMinutes()).isEqualByComparingTo("30.0");
        assertThat(r.excludedMinutes()).isEqualByComparingTo("30.0");
    }

    @ParameterizedTest(name = "{0}: {1} days, budget {2} minutes")
    @CsvSource({ "2026-02, 40320.0, 40.3", "2028-02, 41760.0, 41.8", "2026-11, 43200.0, 43.2", "2026-12, 44640.0, 44.6" })
    void monthsOf28To31Days(YearMonth month, String total, String budget) {
        AvailabilityReport r = report(month, List.of(), List.of(), Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(r.totalMinutes()).isEqualByComparingTo(total);
        assertThat(r.errorBudgetMinutes()).isEqualByComparingTo(budget);
        assertThat(r.availabilityPercent()).isEqualByComparingTo("100.000");
        assertThat(r.errorBudgetRemainingPercent()).isEqualByComparingTo("100.000");
        assertThat(r.policy()).isEqualTo(BudgetPolicy.NORMAL);
    }

    @ParameterizedTest(name = "{0} minutes down: {1}%")
    @CsvSource({ "432, 99.000, CRITICAL", "864, 98.000, CRITICAL", "2160, 95.000, CRITICAL", "216, 99.500, WARNING",
            "215, 99.502, WARNING", "43.2, 99.900, HEALTHY", "43.3, 99.899, WARNING" })
    void tierBoundariesAreExact(BigDecimal downtimeMinutes, String percent, AvailabilityStatus status) {
        Instant start = t("2026-11-10T00:00:00Z");
        long seconds = downtimeMinutes.multiply(BigDecimal.valueOf(60)).longValueExact();
        AvailabilityReport r = november(List.of(new OutageRecord(1, start, start.plusSeconds(seconds), true, null,
                false)), List.of());
        assertThat(r.availabilityPercent()).isEqualByComparingTo(percent);
        assertThat(r.exactAvailabilityPercent().setScale(3, RoundingMode.DOWN)).isEqualByComparingTo(percent);
        assertThat(r.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} s down: {1}% of the budget left, {2}")
    @CsvSource({ "1295, 50.039, NORMAL", "1296, 50.000, REDUCED", "1944, 25.000, REDUCED", "1945, 24.961, FREEZE",
            "2591, 0.039, FREEZE", "2592, 0.000, EXHAUSTED", "9999, 0.000, EXHAUSTED" })
    void policyTiersAtTheirBoundaries(long seconds, String remaining, BudgetPolicy policy) {
        Instant start = t("2026-11-10T00:00:00Z");
        AvailabilityReport r = november(List.of(new OutageRecord(1, start, start.plusSeconds(seconds), true, null,
                false)), List.of());
        assertThat(r.errorBudgetRemainingPercent()).isEqualByComparingTo(remaining);
        assertThat(r.policy()).isEqualTo(policy);
    }

    @Test
    void burnRatesOverTheSlaWindows() {
        Instant now = t("2026-11-10T12:00:00Z");
        // 3 minutes down in the last hour: 0.05 / 0.001 = 50x; over 24 h: 3/1440/0.001 = 2.08x
        AvailabilityReport r = report(YearMonth.of(2026, 11),
                List.of(new OutageRecord(1, t("2026-11-10T11:30:00Z"), t("2026-11-10T11:33:00Z"), true, null, false)),
                List.of(), now);
        assertThat(r.burnRates()).extracting(BurnRate::window).containsExactly("1h", "6h", "24h", "3d");
        assertThat(r.burnRates().get(0).rate()).isEqualByComparingTo("50.00");
        assertThat(r.burnRates().get(0).label()).isEqualTo("10x");
        assertThat(r.burnRates().get(1).rate()).isEqualByComparingTo("8.33");
        assertThat(r.burnRates().get(1).label()).isEqualTo("5x");
        assertThat(r.burnRates().get(2).rate()).isEqualByComparingTo("2.08");
        assertThat(r.burnRates().get(2).label()).isEqualTo("2x");
        assertThat(r.burnRates().get(3).rate()).isEqualByComparingTo("0.69");
        assertThat(r.burnRates().get(3).label()).isEqualTo("1x");
        assertThat(r.burnRates().get(3).action()).isEqualTo("Normal operations");
    }

    @Test
    void burnRateWindowsReachIntoThePreviousMonth() {
        Instant now = t("2026-11-01T00:30:00Z");
        AvailabilityReport r = report(YearMonth.of(2026, 11),
                List.of(outage(1, "2026-10-31T23:00:00Z", "2026-10-31T23:06:00Z")), List.of(), now);
        assertThat(r.downtimeMinutes()).isEqualByComparingTo("0.0");
        // 6 minutes in the last 6 hours: 0.01666 / 0.001
        assertThat(r.burnRates().get(1).rate()).isEqualByComparingTo("16.67");
    }

    @Test
    void unionIsNeverLargerThanTheSumAndSubtractionKeepsTheRest() {
        List<Interval> intervals = new ArrayList<>();
        Instant base = t("2026-11-01T00:00:00Z");
        Random random = new Random(42);
        long sum = 0;
        for (int i = 0; i < 500; i++) {
            Instant s = base.plusSeconds(random.nextInt(30 * 86400));
            Interval interval = new Interval(s, s.plusSeconds(random.nextInt(7200)));
            intervals.add(interval);
            sum += interval.length().toSeconds();
        }
        List<Interval> union = AvailabilityCalculator.union(intervals);
        long measured = AvailabilityCalculator.measure(union);
        assertThat(measured).isLessThanOrEqualTo(sum).isPositive();
        for (int i = 1; i < union.size(); i++) {
            assertThat(union.get(i).start()).isAfter(union.get(i - 1).end());
        }
        List<Interval> cuts = AvailabilityCalculator.union(intervals.subList(0, 100));
        long kept = AvailabilityCalculator.measure(AvailabilityCalculator.subtract(union, cuts));
        long overlap = AvailabilityCalculator.measure(AvailabilityCalculator.intersect(union, cuts));
        assertThat(kept + overlap).isEqualTo(measured);
    }

    private static AvailabilityReport november(List<OutageRecord> outages, List<ExclusionWindow> windows) {
        return AvailabilityService.compute("2026-11", t("2026-11-01T00:00:00Z"), t("2026-12-01T00:00:00Z"),
                AFTER_NOVEMBER, outages, windows);
    }

    private static AvailabilityReport report(YearMonth month, List<OutageRecord> outages, List<ExclusionWindow> windows,
            Instant now) {
        return AvailabilityService.compute(month.toString(), month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), now, outages, windows);
    }

    private static OutageRecord outage(long id, String from, String to) {
        return new OutageRecord(id, t(from), t(to), true, OutageCause.INTERNAL, false);
    }

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }
}
