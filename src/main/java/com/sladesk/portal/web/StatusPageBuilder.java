package com.sladesk.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.OutageEvent;
import com.sladesk.system.NowAndAfterTransaction;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentInfo;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentStatus;
import com.sladesk.incident.IncidentView;
import com.sladesk.maintenance.MaintenanceService;
import com.sladesk.maintenance.MaintenanceStatus;
import com.sladesk.maintenance.MaintenanceView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each component's state from open production incidents and running maintenance (outage, then
 * degraded, then under maintenance, else operational), and its 90-day uptime from the
 * availability engine.
 * <p>
 * The page is public and the most read thing we serve, so a built page is reused: for
 * {@link #FRESH_FOR} while no incident or maintenance window changes (a data version bumped by
 * every {@link OutageEvent}), and for a second once one has ({@code sladesk.status.changes-shown-within}), so a new incident shows within
 * a second even while incidents are opened many times a second. One request rebuilds it while the
 * others are served the page of a moment before.
 */
@Component
class StatusPageBuilder {

    static final int DAYS = 90;
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    static final Duration SERVE_OLD_FOR = Duration.ofSeconds(15);

    private record Built(StatusPage page, long version, Instant at) {
    }

    private final AtomicReference<Built> last = new AtomicReference<>();
    private final AtomicLong version = new AtomicLong();
    private final ReentrantLock rebuilding = new ReentrantLock();

    private final ComponentCatalogue catalogue;
    private final IncidentService incidents;
    private final MaintenanceService maintenance;
    private final AvailabilityService availability;
    private final Clock clock;
    private final Duration changesShownWithin;

    StatusPageBuilder(ComponentCatalogue catalogue, IncidentService incidents, MaintenanceService maintenance,
            AvailabilityService availability, Clock clock,
            @Value("${sladesk.status.changes-shown-within:PT1S}") Duration changesShownWithin) {
        this.catalogue = catalogue;
        this.incidents = incidents;
        this.maintenance = maintenance;
        this.availability = availability;
        this.clock = clock;
        this.changesShownWithin = changesShownWithin;
    }

    StatusPage build() {
        Instant now = clock.instant();
        long version = this.version.get();
        Built built = last.get();
        if (fresh(built, version, now)) {
            return built.page();
        }
        boolean oldPageServable = built != null && !now.isBefore(built.at())
                && now.isBefore(built.at().plus(SERVE_OLD_FOR));
        if (!oldPageServable) {
            rebuilding.lock();
        } else if (!rebuilding.tryLock()) {
            // another request is rebuilding it: serve the page of a moment ago rather than have
            // every waiting request build the same page
            return built.page();
        }
        try {
            built = last.get();
            if (fresh(built, version, now)) {
                return built.page();
            }
            StatusPage page = compute(now);
            last.set(new Built(page, version, now));
            return page;
        } finally {
            rebuilding.unlock();
        }
    }

    /**
     * An incident or maintenance window changed: a page built before the change's transaction ends
     * is out of date (bumped now, and again once it ends, for a page built from the data before the
     * commit meanwhile).
     */
    @EventListener
    void on(OutageEvent event) {
        NowAndAfterTransaction.run(version::incrementAndGet);
    }

    /** Built within the last second, or within five if no incident or maintenance window changed since. */
    private boolean fresh(Built built, long version, Instant now) {
        if (built == null || now.isBefore(built.at())) {
            return false;
        }
        Duration age = Duration.between(built.at(), now);
        return age.compareTo(built.version() == version ? FRESH_FOR : changesShownWithin) < 0;
    }

    private StatusPage compute(Instant now) {
        List<IncidentView> open = incidents.list(List.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED), null, 500)
                .stream().filter(i -> i.environment() == Environment.PRODUCTION && i.impact() != Impact.NONE).toList();
        List<MaintenanceView> upcoming = maintenance.upcoming();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<StatusPage.ComponentStatus> components = catalogue.all().stream()
                .map(c -> component(c, open, upcoming, today)).toList();
        String overall = components.stream().map(StatusPage.ComponentStatus::state)
                .reduce("operational", StatusPageBuilder::worse);
        return new StatusPage(overall, label(overall), now, components,
                open.stream().map(StatusPageBuilder::active).toList(),
                upcoming.stream().map(m -> new StatusPage.Maintenance(m.id(), m.title(), m.type().value(),
                        m.status().name(), m.startsAt(), m.endsAt(), m.components())).toList());
    }

    private StatusPage.ComponentStatus component(ComponentInfo c, List<IncidentView> open,
            List<MaintenanceView> upcoming, LocalDate today) {
        String state = "operational";
        if (upcoming.stream().anyMatch(m -> m.status() == MaintenanceStatus.IN_PROGRESS && m.components().contains(c.code()))) {
            state = "under_maintenance";
        }
        if (open.stream().anyMatch(i -> i.impact() == Impact.DEGRADED && i.components().contains(c.code()))) {
            state = worse(state, "degraded");
        }
        if (open.stream().anyMatch(i -> i.impact() == Impact.OUTAGE && i.components().contains(c.code()))) {
            state = "outage";
        }
        Map<LocalDate, BigDecimal> daily = availability.daily(today.minusDays(DAYS - 1L), today.plusDays(1), c.code());
        BigDecimal average = daily.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(Math.max(daily.size(), 1)), 3, RoundingMode.DOWN);
        return new StatusPage.ComponentStatus(c.code(), c.name(), state, average,
                daily.entrySet().stream().map(e -> new StatusPage.Day(e.getKey(), e.getValue(),
                        availability.statusOf(e.getValue()))).toList());
    }

    private static StatusPage.ActiveIncident active(IncidentView i) {
        IncidentView.TimelineEntry latest = i.timeline().isEmpty() ? null : i.timeline().get(i.timeline().size() - 1);
        return new StatusPage.ActiveIncident(i.id(), i.title(), i.severity().name(), i.impact().value(), i.components(),
                i.openedAt(), latest == null ? "opened" : latest.action(), latest == null ? i.openedAt() : latest.at());
    }

    private static final List<String> ORDER = List.of("operational", "under_maintenance", "degraded", "outage");

    static String worse(String a, String b) {
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }

    static String label(String state) {
        return switch (state) {
            case "outage" -> "Service outage";
            case "degraded" -> "Degraded performance";
            case "under_maintenance" -> "Under maintenance";
            default -> "All systems operational";
        };
    }
}
