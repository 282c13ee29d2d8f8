package com.sladesk.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SLA's business calendar: Monday–Friday 09:00–17:00 UTC, one business day = 8 hours.
 * November 2026: Monday the 2nd, 9th, 16th, 23rd, 30th.
 */
class BusinessCalendarTests {

    private final BusinessCalendar sla = new BusinessCalendar(CalendarProperties.sla());

    private final BusinessCalendar withHolidays = new BusinessCalendar(new CalendarProperties(LocalTime.of(9, 0),
            LocalTime.of(17, 0), Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY),
            List.of(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25))));

    @ParameterizedTest(name = "{0} + {1} business hours = {2}")
    @CsvSource({
            // the examples
            "2026-11-07T10:00:00Z, 8, 2026-11-09T17:00:00Z",  // P2 opened Saturday 10:00: Monday 17:00
            "2026-11-03T16:00:00Z, 8, 2026-11-04T16:00:00Z",  // opened Tuesday 16:00: Wednesday 16:00
            "2026-11-06T12:00:00Z, 16, 2026-11-10T12:00:00Z", // P3 opened Friday 12:00: Tuesday 12:00
            // openings before 09:00 and after 17:00
            "2026-11-03T06:30:00Z, 8, 2026-11-03T17:00:00Z",
            "2026-11-03T08:59:59Z, 1, 2026-11-03T10:00:00Z",
            "2026-11-03T17:00:01Z, 1, 2026-11-04T10:00:00Z",
            "2026-11-03T23:59:00Z, 8, 2026-11-04T17:00:00Z",
            // exact boundaries
            "2026-11-03T09:00:00Z, 8, 2026-11-03T17:00:00Z",
            "2026-11-03T17:00:00Z, 8, 2026-11-04T17:00:00Z",
            "2026-11-03T17:00:00Z, 0, 2026-11-03T17:00:00Z",
            "2026-11-03T09:00:00Z, 0, 2026-11-03T09:00:00Z",
            "2026-11-03T12:00:00Z, 5, 2026-11-03T17:00:00Z",
            "2026-11-03T12:00:00Z, 6, 2026-11-04T10:00:00Z",
            // weekend edges
            "2026-11-06T16:59:00Z, 8, 2026-11-09T16:59:00Z",  // Friday 16:59
            "2026-11-06T17:00:00Z, 8, 2026-11-09T17:00:00Z",  // Friday 17:00
            "2026-11-08T23:59:59Z, 1, 2026-11-09T10:00:00Z",  // Sunday night
            "2026-11-07T00:00:00Z, 40, 2026-11-13T17:00:00Z", // a whole business week from Saturday
            "2026-11-02T09:00:00Z, 40, 2026-11-06T17:00:00Z", // Monday 09:00 + 5 business days
            // across a month end
            "2026-11-30T15:00:00Z, 4, 2026-12-01T11:00:00Z",
    })
    void addsBusinessHours(Instant start, long hours, Instant expected) {
        assertThat(sla.plus(start, Duration.ofHours(hours), SlaClock.BUSINESS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "with holidays: {0} + {1} business hours = {2}")
    @CsvSource({
            "2026-11-07T10:00:00Z, 8, 2026-11-10T17:00:00Z",  // Monday the 9th is a holiday
            "2026-11-06T12:00:00Z, 16, 2026-11-11T12:00:00Z",
            "2026-11-09T10:00:00Z, 1, 2026-11-10T10:00:00Z",  // opened on the holiday itself
            "2026-12-23T16:00:00Z, 2, 2026-12-28T10:00:00Z",  // Christmas Eve, Christmas, a weekend
    })
    void skipsHolidays(Instant start, long hours, Instant expected) {
        assertThat(withHolidays.plus(start, Duration.ofHours(hours), SlaClock.BUSINESS)).isEqualTo(expected);
    }

    @Test
    void minutesAndSecondsCount() {
        assertThat(sla.plus(Instant.parse("2026-11-03T16:30:00Z"), Duration.ofMinutes(45), SlaClock.BUSINESS))
                .isEqualTo(Instant.parse("2026-11-04T09:15:00Z"));
        // 75% of one business day is six hours
        assertThat(sla.plus(Instant.parse("2026-11-07T10:00:00Z"), Duration.ofHours(8).multipliedBy(3).dividedBy(4),
                SlaClock.BUSINESS)).isEqualTo(Instant.parse("2026-11-09T15:00:00Z"));
    }

    @Test
    void calendarClockIgnoresTheCalendar() {
        Instant saturday = Instant.parse("2026-11-07T10:00:00Z");
        assertThat(sla.plus(saturday, Duration.ofHours(4), SlaClock.CALENDAR)).isEqualTo(Instant.parse("2026-11-07T14:00:00Z"));
        assertThat(sla.plus(saturday, Duration.ofDays(7), SlaClock.CALENDAR)).isEqualTo(Instant.parse("2026-11-14T10:00:00Z"));
        assertThat(sla.between(saturday, saturday.plusSeconds(3600), SlaClock.CALENDAR)).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest(name = "business time from {0} to {1} = {2} minutes")
    @CsvSource({
            "2026-11-07T10:00:00Z, 2026-11-09T17:00:00Z, 480",
            "2026-11-03T16:00:00Z, 2026-11-04T16:00:00Z, 480",
            "2026-11-06T12:00:00Z, 2026-11-10T12:00:00Z, 960",
            "2026-11-03T18:00:00Z, 2026-11-04T08:00:00Z, 0",
            "2026-11-07T00:00:00Z, 2026-11-08T23:59:59Z, 0",
            "2026-11-03T10:00:00Z, 2026-11-03T10:30:00Z, 30",
            "2026-11-04T10:00:00Z, 2026-11-03T10:00:00Z, 0",
    })
    void measuresBusinessTimeBetweenInstants(Instant from, Instant to, long minutes) {
        assertThat(sla.between(from, to, SlaClock.BUSINESS)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void addingThenMeasuringGivesBackTheAmount() {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int step = 0; step < 24 * 14; step += 5) {
            Instant from = start.plus(Duration.ofMinutes(step * 37L));
            for (long hours : new long[] { 1, 3, 8, 16, 40 }) {
                Instant due = sla.plus(from, Duration.ofHours(hours), SlaClock.BUSINESS);
                assertThat(sla.between(from, due, SlaClock.BUSINESS)).as("from %s", from).isEqualTo(Duration.ofHours(hours));
                assertThat(sla.isBusinessTime(due.minusSeconds(1))).as("due %s", due).isTrue();
            }
        }
    }

    @Test
    void knowsWhenBusinessTimeRuns() {
        assertThat(sla.isBusinessTime(Instant.parse("2026-11-03T09:00:00Z"))).isTrue();
        assertThat(sla.isBusinessTime(Instant.parse("2026-11-03T16:59:59Z"))).isTrue();
        assertThat(sla.isBusinessTime(Instant.parse("2026-11-03T17:00:00Z"))).isFalse();
        assertThat(sla.isBusinessTime(Instant.parse("2026-11-07T12:00:00Z"))).isFalse();
        assertThat(withHolidays.isBusinessTime(Instant.parse("2026-11-09T12:00:00Z"))).isFalse();
    }

    @Test
    void refusesNegativeAmountsAndEmptyCalendars() {
        assertThatThrownBy(() -> sla.plus(Instant.parse("2026-03-02T10:00:00Z"), Duration.ofHours(-1), SlaClock.BUSINESS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarProperties(LocalTime.of(17, 0), LocalTime.of(9, 0), Set.of(DayOfWeek.MONDAY),
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
