package com.sladesk.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import com.sladesk.audit.Audited;
import com.sladesk.calendar.BusinessCalendar;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.ProcessSteps;
import com.sladesk.system.TaskForm;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code quarterly-review} process's steps and leadership's "review held" record. */
@Service
public class QuarterlyReview {

    public static final String KEY = "quarterly-review";
    public static final String REVIEW_HELD = "UserTask_ReviewHeld";

    /** Leadership held the review of {@code quarter}: the notes are in the audit log and on the report page. */
    public record Held(String quarter, String heldBy, Instant heldAt, String notes) implements Audited {

        @Override
        public String actor() {
            return heldBy;
        }

        @Override
        public Audited.Entry auditEntry() {
            return new Audited.Entry("quarterly-review-held", "report", Long.parseLong(quarter.replace("-Q", "")), quarter + ": " + notes);
        }
    }

    private final JdbcTemplate jdbc;
    private final ProcessSteps process;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuarterlyReview(JdbcTemplate jdbc, ProcessSteps process, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.process = process;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Held> held(String quarter) {
        return jdbc.query("SELECT quarter, held_by, held_at, notes FROM quarterly_review WHERE quarter = ?",
                (rs, n) -> new Held(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
                quarter).stream().findFirst();
    }

    /** Whether {@code user} has the quarter's "review held" task to complete. */
    @Transactional(readOnly = true)
    public boolean awaitsReview(String quarter, String user) {
        return process.mayComplete(KEY, quarter, REVIEW_HELD, user);
    }

    /** Completes leadership's task with the meeting's notes. */
    @Transactional
    public Held hold(String quarter, String notes, String actor) {
        QuarterlyReports.firstMonth(quarter);
        if (notes == null || notes.isBlank()) {
            throw new InvalidInputException("notes", "required", "the review's notes are required");
        }
        if (notes.length() > 10_000) {
            throw new InvalidInputException("notes", "length", "at most 10,000 characters");
        }
        Instant now = clock.instant();
        process.complete(KEY, quarter, REVIEW_HELD, actor, Map.of("notes", notes.strip()),
                "no quarterly review of " + quarter + " is waiting to be held");
        jdbc.update("INSERT INTO quarterly_review (quarter, held_by, held_at, notes) VALUES (?, ?, ?, ?)", quarter, actor,
                Timestamp.from(now), notes.strip());
        Held held = new Held(quarter, actor, now, notes.strip());
        events.publishEvent(held);
        return held;
    }

    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        /** The 1st of the month after a quarter: wait for its first business day, 07:00 UTC (now, if that is already past). */
        @Bean
        JavaDelegate firstBusinessDayDelegate(BusinessCalendar calendar, Clock clock) {
            return execution -> {
                Instant now = clock.instant();
                LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
                while (!calendar.isWorkingDay(day)) {
                    day = day.plusDays(1);
                }
                Instant sendAt = day.atTime(7, 0).toInstant(ZoneOffset.UTC);
                String quarter = QuarterlyReports.previousQuarter(now);
                execution.setProcessBusinessKey(quarter);
                execution.setVariable("quarter", quarter);
                execution.setVariable("sendAt", Date.from(sendAt.isBefore(now) ? now : sendAt));
            };
        }

        @Bean
        JavaDelegate sendQuarterlyReviewDelegate(QuarterlyReports reports) {
            return execution -> reports.send((String) execution.getVariable("quarter"));
        }

        @Bean
        TaskForm quarterlyReviewTaskForm() {
            return new TaskForm(KEY, "/reports/");
        }
    }
}
