package com.sladesk.maintenance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

import com.sladesk.system.InvalidInputException;
import com.sladesk.system.RuleViolationException;

/**
 * SLA section 3, "Scheduled Maintenance", in one place: standard maintenance lies inside Sunday
 * 02:00–04:00 UTC and is announced at least 7 days (168 hours) ahead; emergency maintenance
 * needs at least 2 hours' notice and an open P1 incident.
 */
final class MaintenanceRules {

    static final Duration STANDARD_NOTICE = Duration.ofDays(7);
    static final Duration EMERGENCY_NOTICE = Duration.ofHours(2);
    static final LocalTime WINDOW_START = LocalTime.of(2, 0);
    static final LocalTime WINDOW_END = LocalTime.of(4, 0);
    static final DayOfWeek WINDOW_DAY = DayOfWeek.SUNDAY;
    static final MaintenancePolicy POLICY = new MaintenancePolicy(
            WINDOW_DAY.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + WINDOW_START + "–" + WINDOW_END + " UTC",
            STANDARD_NOTICE.toDays(), EMERGENCY_NOTICE.toHours());

    private MaintenanceRules() {
    }

    /**
     * Refuses a window that breaks a rule; {@code openP1} tells whether {@code incidentId} names an
     * open P1 incident.
     */
    static void check(MaintenanceType type, Instant startsAt, Instant endsAt, Instant announcedAt, Long incidentId,
            boolean openP1) {
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "order", "must be after startsAt");
        }
        Duration notice = Duration.between(announcedAt, startsAt);
        if (type == MaintenanceType.STANDARD) {
            LocalDateTime start = LocalDateTime.ofInstant(startsAt, ZoneOffset.UTC);
            LocalDateTime end = LocalDateTime.ofInstant(endsAt, ZoneOffset.UTC);
            boolean inWindow = start.getDayOfWeek() == WINDOW_DAY && !start.toLocalTime().isBefore(WINDOW_START)
                    && end.toLocalDate().equals(start.toLocalDate()) && !end.toLocalTime().isAfter(WINDOW_END);
            if (!inWindow) {
                throw new RuleViolationException("startsAt", "standard-window",
                        "standard maintenance lies inside " + POLICY.standardWindow() + "; this runs "
                                + describe(start) + " to " + describe(end));
            }
            if (notice.compareTo(STANDARD_NOTICE) < 0) {
                throw new RuleViolationException("startsAt", "notice", "announced " + ahead(notice)
                        + " ahead; standard maintenance needs " + POLICY.standardNoticeDays() + " days");
            }
        }
        else {
            if (incidentId == null) {
                throw new InvalidInputException("incidentId", "required",
                        "emergency maintenance must name the open P1 incident it serves");
            }
            if (!openP1) {
                throw new RuleViolationException("incidentId", "p1-incident",
                        "incident " + incidentId + " is not an open P1; emergency maintenance is for P1 incidents only");
            }
            if (notice.compareTo(EMERGENCY_NOTICE) < 0) {
                throw new RuleViolationException("startsAt", "notice", "announced " + ahead(notice)
                        + " ahead; emergency maintenance needs " + POLICY.emergencyNoticeHours() + " hours");
            }
        }
    }

    /** "6 days 23 hours", "1 hour 30 minutes", "0 minutes" (in the past counts as none). */
    static String ahead(Duration notice) {
        if (notice.isNegative()) {
            return "after the start";
        }
        long days = notice.toDays();
        long hours = notice.toHoursPart();
        long minutes = notice.toMinutesPart();
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(days == 1 ? " day" : " days");
        }
        if (hours > 0) {
            text.append(text.isEmpty() ? "" : " ").append(hours).append(hours == 1 ? " hour" : " hours");
        }
        if (minutes > 0 && days == 0) {
            text.append(text.isEmpty() ? "" : " ").append(minutes).append(minutes == 1 ? " minute" : " minutes");
        }
        return text.isEmpty() ? "0 minutes" : text.toString();
    }

    private static String describe(LocalDateTime at) {
        String day = at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return day + " " + at.toLocalDate() + " " + at.toLocalTime();
    }
}
