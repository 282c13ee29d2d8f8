package com.sladesk.calendar;

import java.time.Instant;

import com.sladesk.SlaDeskModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The business calendar alone, as configured: Friday 16:00 plus two business days is Tuesday 16:00. */
@SlaDeskModuleTest
class CalendarModuleTests {

    @Autowired
    BusinessCalendar calendar;

    @Test
    void twoBusinessDaysFromFridayAfternoonEndOnTuesday() {
        assertThat(calendar.plusBusinessDays(Instant.parse("2026-03-06T16:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
    }
}
