package com.sladesk.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Time on the SLA's clocks. Business time only runs inside the working window of working days
 * that are not holidays; a business day is as long as that window (8 hours by default). A due time
 * that lands exactly on the window's end stays there: work opened Tuesday 16:00 with one business
 * day to go is due Wednesday 16:00, and Saturday 10:00 plus one business day is Monday 17:00.
 */
@Component
public class BusinessCalendar {

    private final CalendarProperties properties;
    private final Set<LocalDate> holidays;
    private final Duration businessDay;

    public BusinessCalendar(CalendarProperties properties) {
        this.properties = properties;
        this.holidays = new HashSet<>(properties.holidays());
        this.businessDay = Duration.between(properties.dayStart(), properties.dayEnd());
    }

    /** The length of one business day (the working window). */
    public Duration businessDay() {
        return businessDay;
    }

    /** {@code start} plus whole business days (each as long as the working window). */
    public Instant plusBusinessDays(Instant start, int days) {
        return plusBusinessTime(start, businessDay.multipliedBy(days));
    }

    /** {@code start} plus {@code amount} on the given clock. */
    public Instant plus(Instant start, Duration amount, SlaClock clock) {
        return clock == SlaClock.CALENDAR ? start.plus(amount) : plusBusinessTime(start, amount);
    }

    /** Time between two instants as the given clock counts it (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to, SlaClock clock) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return clock == SlaClock.CALENDAR ? Duration.between(from, to) : businessTimeBetween(from, to);
    }

    public boolean isWorkingDay(LocalDate date) {
        return properties.workingDays().contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Whether business time runs at this instant. */
    public boolean isBusinessTime(Instant instant) {
        LocalDateTime at = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return isWorkingDay(at.toLocalDate()) && !at.toLocalTime().isBefore(properties.dayStart())
                && at.toLocalTime().isBefore(properties.dayEnd());
    }

    Instant plusBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time cannot be subtracted");
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
        Duration left = amount;
        // Guard against a calendar with no working day in reach (all holidays): ten years.
        for (int day = 0; day < 3660; day++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                LocalDateTime open = date.atTime(properties.dayStart());
                LocalDateTime close = date.atTime(properties.dayEnd());
                LocalDateTime from = cursor.isBefore(open) ? open : cursor;
                if (from.isBefore(close)) {
                    Duration available = Duration.between(from, close);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left).toInstant(ZoneOffset.UTC);
                    }
                    left = left.minus(available);
                }
                else if (left.isZero() && !from.isAfter(close)) {
                    return from.toInstant(ZoneOffset.UTC);
                }
            }
            cursor = date.plusDays(1).atStartOfDay();
        }
        throw new IllegalStateException("no business time within ten years of " + start);
    }

    Duration businessTimeBetween(Instant from, Instant to) {
        LocalDateTime start = LocalDateTime.ofInstant(from, ZoneOffset.UTC);
        LocalDateTime end = LocalDateTime.ofInstant(to, ZoneOffset.UTC);
        Duration total = Duration.ZERO;
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            LocalDateTime open = date.atTime(properties.dayStart());
            LocalDateTime close = date.atTime(properties.dayEnd());
            LocalDateTime a = start.isAfter(open) ? start : open;
            LocalDateTime b = end.isBefore(close) ? end : close;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }
}
