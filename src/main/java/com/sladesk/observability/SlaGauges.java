package com.sladesk.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import com.sladesk.availability.AvailabilityService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SLIs 3–5 and the SLA's memory alert inputs: {@code mahavishnu_up},
 * {@code mahavishnu_error_budget_remaining_percent}, {@code mahavishnu_data_objects_total},
 * {@code mahavishnu_data_corruption_events_total}, {@code mahavishnu_memory_usage_bytes} and
 * {@code mahavishnu_memory_limit_bytes}. The budget is recomputed at most once a minute.
 */
@Component
class SlaGauges {

    static final Duration BUDGET_REFRESH = Duration.ofMinutes(1);

    private final AvailabilityService availability;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile double budget = 100;
    private volatile Instant budgetAt = Instant.EPOCH;

    SlaGauges(MeterRegistry registry, HealthEndpoint health, AvailabilityService availability, JdbcTemplate jdbc,
            Clock clock) {
        this.availability = availability;
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("mahavishnu.up", health, h -> Status.UP.equals(h.healthForPath("readiness").getStatus()) ? 1 : 0)
                .description("1 when /ready is healthy").register(registry);
        Gauge.builder("mahavishnu.error.budget.remaining.percent", this, SlaGauges::budgetRemaining)
                .description("Error budget left this month, percent").register(registry);
        FunctionCounter.builder("mahavishnu.data.objects", this, SlaGauges::dataObjects)
                .description("Stored business records").register(registry);
        FunctionCounter.builder("mahavishnu.data.corruption.events", this, SlaGauges::corruptionEvents)
                .description("Records that break an integrity rule").register(registry);
        Runtime runtime = Runtime.getRuntime();
        Gauge.builder("mahavishnu.memory.usage.bytes", runtime, r -> r.totalMemory() - r.freeMemory())
                .description("JVM heap in use").register(registry);
        Gauge.builder("mahavishnu.memory.limit.bytes", runtime, Runtime::maxMemory)
                .description("JVM heap limit").register(registry);
    }

    double budgetRemaining() {
        Instant now = clock.instant();
        if (Duration.between(budgetAt, now).compareTo(BUDGET_REFRESH) >= 0) {
            budget = availability.monthAndRollingToShow(YearMonth.from(now.atZone(ZoneOffset.UTC))).month().errorBudgetRemainingPercent()
                    .doubleValue();
            budgetAt = now;
        }
        return budget;
    }

    double dataObjects() {
        Long count = jdbc.queryForObject("""
                select (select count(*) from incident) + (select count(*) from credit_request)
                     + (select count(*) from maintenance_window) + (select count(*) from sla_exception)
                     + (select count(*) from change_request) + (select count(*) from notification)""", Long.class);
        return count == null ? 0 : count;
    }

    /** Records that break an integrity rule the database cannot express on its own. */
    double corruptionEvents() {
        Long count = jdbc.queryForObject("""
                select (select count(*) from incident where status = 'RESOLVED' and resolved_at is null)
                     + (select count(*) from credit_request where status = 'APPLIED'
                        and not exists (select 1 from credit_ledger l where l.credit_request_id = credit_request.id))""",
                Long.class);
        return count == null ? 0 : count;
    }
}
