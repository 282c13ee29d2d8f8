package com.sladesk.oncall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The test rota: sre is the primary on call and sre2 the secondary, week after week since 2 November 2026. */
final class OnCallFixtures {

    private OnCallFixtures() {
    }

    static void rota(OnCallSchedules schedules) {
        schedules.update("primary", new ScheduleDraft("primary", "Primary on call", "UTC", List.of(
                new LayerDraft("Weekly", List.of("sre"), LocalDate.of(2026, 11, 2), DayOfWeek.MONDAY,
                        LocalTime.of(9, 0), 7 * 1440, null))), "test");
        schedules.update("secondary", new ScheduleDraft("secondary", "Secondary on call", "UTC", List.of(
                new LayerDraft("Weekly", List.of("sre2"), LocalDate.of(2026, 11, 2), DayOfWeek.MONDAY,
                        LocalTime.of(9, 0), 7 * 1440, null))), "test");
    }
}
