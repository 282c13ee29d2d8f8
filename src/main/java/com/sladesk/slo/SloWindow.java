package com.sladesk.slo;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sladesk.system.InvalidInputException;

/** An SLO's window: the last {@code days} days (rolling), or the calendar month so far (days null). */
record SloWindow(Integer days) {

    private static final Pattern ROLLING = Pattern.compile("(\\d{1,4})d");

    static SloWindow parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("window", "required", "a window is required: Nd (rolling N days) or month");
        }
        if ("month".equals(text)) {
            return new SloWindow(null);
        }
        Matcher rolling = ROLLING.matcher(text);
        if (!rolling.matches()) {
            throw new InvalidInputException("window", "format", "a window is Nd (rolling N days, 1 to 90) or month");
        }
        int days = Integer.parseInt(rolling.group(1));
        if (days < 1 || days > SloDefinition.MAX_WINDOW_DAYS) {
            throw new InvalidInputException("window", "range", "a rolling window is 1 to 90 days");
        }
        return new SloWindow(days);
    }

    boolean calendarMonth() {
        return days == null;
    }

    String text() {
        return calendarMonth() ? "month" : days + "d";
    }

    /** The window's first instant for an evaluation at {@code end} (a minute boundary). */
    Instant start(Instant end) {
        if (calendarMonth()) {
            return YearMonth.from(end.minusSeconds(60).atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
        }
        return end.minus(Duration.ofDays(days));
    }
}
