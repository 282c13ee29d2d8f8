package com.sladesk.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill 6: the business calendar's laws over generated instants and durations (jqwik), with
 * holidays, at second precision, across weekends and year ends.
 */
class BusinessCalendarPropertyTests {

    private final BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties(LocalTime.of(9, 0),
            LocalTime.of(17, 0), Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY),
            List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1))));

    static final Instant BASE = Instant.parse("2026-11-01T00:00:00Z");

    @Provide
    Arbitrary<Instant> instant() {
        // about a year, in seconds, from 1 November 2026
        return Arbitraries.longs().between(0, 365L * 24 * 3600).map(BASE::plusSeconds);
    }

    @Property(tries = 500)
    void addingThenMeasuringGivesTheDurationBack(@ForAll("instant") Instant start,
            @ForAll @LongRange(min = 0, max = 200L * 3600) long seconds) {
        Duration amount = Duration.ofSeconds(seconds);
        Instant due = calendar.plus(start, amount, SlaClock.BUSINESS);
        assertThat(calendar.between(start, due, SlaClock.BUSINESS)).isEqualTo(amount);
        assertThat(due).isAfterOrEqualTo(start);
    }

    @Property(tries = 500)
    void aLongerDurationIsNeverDueEarlier(@ForAll("instant") Instant start,
            @ForAll @LongRange(min = 0, max = 100L * 3600) long a, @ForAll @LongRange(min = 0, max = 100L * 3600) long b) {
        Instant dueA = calendar.plus(start, Duration.ofSeconds(Math.min(a, b)), SlaClock.BUSINESS);
        Instant dueB = calendar.plus(start, Duration.ofSeconds(Math.max(a, b)), SlaClock.BUSINESS);
        assertThat(dueB).isAfterOrEqualTo(dueA);
    }

    @Property(tries = 500)
    void businessTimeAddsUpAcrossAnySplit(@ForAll("instant") Instant a, @ForAll("instant") Instant b,
            @ForAll("instant") Instant c) {
        List<Instant> sorted = Stream.of(a, b, c).sorted().toList();
        Duration whole = calendar.between(sorted.get(0), sorted.get(2), SlaClock.BUSINESS);
        Duration parts = calendar.between(sorted.get(0), sorted.get(1), SlaClock.BUSINESS)
                .plus(calendar.between(sorted.get(1), sorted.get(2), SlaClock.BUSINESS));
        assertThat(parts).isEqualTo(whole);
        assertThat(whole).isLessThanOrEqualTo(Duration.between(sorted.get(0), sorted.get(2)));
    }

    @Property(tries = 300)
    void aPositiveBusinessDeadlineFallsOnAWorkingDayWithinHours(@ForAll("instant") Instant start,
            @ForAll @LongRange(min = 1, max = 100L * 3600) long seconds) {
        Instant due = calendar.plus(start, Duration.ofSeconds(seconds), SlaClock.BUSINESS);
        LocalDate day = due.atZone(ZoneOffset.UTC).toLocalDate();
        LocalTime time = due.atZone(ZoneOffset.UTC).toLocalTime();
        assertThat(calendar.isWorkingDay(day)).as("%s is a working day", day).isTrue();
        assertThat(time).isAfter(LocalTime.of(9, 0)).isBeforeOrEqualTo(LocalTime.of(17, 0));
    }

    @Property(tries = 200)
    void calendarTimeIsPlainArithmetic(@ForAll("instant") Instant start,
            @ForAll @LongRange(min = 0, max = 1_000_000) long seconds) {
        Duration amount = Duration.ofSeconds(seconds);
        assertThat(calendar.plus(start, amount, SlaClock.CALENDAR)).isEqualTo(start.plus(amount));
        assertThat(calendar.between(start, start.plus(amount), SlaClock.CALENDAR)).isEqualTo(amount);
    }
}
