package com.sladesk.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The business calendar's settings; the defaults are the SLA's. Times are UTC. */
@ConfigurationProperties("sladesk.calendar")
public record CalendarProperties(@DefaultValue("09:00") LocalTime dayStart, @DefaultValue("17:00") LocalTime dayEnd,
        @DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) Set<DayOfWeek> workingDays,
        @DefaultValue({}) List<LocalDate> holidays) {

    public CalendarProperties {
        if (!dayEnd.isAfter(dayStart)) {
            throw new IllegalArgumentException("sladesk.calendar.day-end must be after day-start");
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("sladesk.calendar.working-days must name at least one day");
        }
        holidays = List.copyOf(holidays);
        workingDays = Set.copyOf(workingDays);
    }

    /** The SLA's calendar: Monday to Friday, 09:00–17:00 UTC, no holidays. */
    public static CalendarProperties sla() {
        return new CalendarProperties(LocalTime.of(9, 0), LocalTime.of(17, 0),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                List.of());
    }
}
