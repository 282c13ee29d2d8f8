package com.sladesk.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A layer as the API and the form send it: participants in rotation order, the first week's
 * date, the handoff weekday and time, the shift length in minutes (a week is 10080), an optional end.
 */
public record LayerDraft(String name, List<String> participants, LocalDate startsOn, DayOfWeek handoffDay,
        LocalTime handoffTime, int shiftMinutes, Instant endsAt) {
}
