package com.sladesk.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.OutageEvent;
import com.sladesk.system.NowAndAfterTransaction;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentInfo;
import com.sladesk.communication.ComponentImpact;
import com.sladesk.communication.PublicIncidentChanged;
import com.sladesk.communication.PublicIncidentView;
import com.sladesk.communication.PublicIncidents;
import com.sladesk.incident.IncidentService;
import com.sladesk.maintenance.MaintenanceService;
import com.sladesk.maintenance.MaintenanceStatus;
import com.sladesk.maintenance.MaintenanceView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each component's status from the published incidents not resolved (the worst impact any of
 * them gives it: major outage, partial outage, degraded performance) and running maintenance
 * (under maintenance), else operational; each group's worst; and each component's 90-day uptime
 * from the availability engine.
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
    /** How long a request waits for the first page being built before it is answered 503. */
    static final Duration FIRST_BUILD_WAIT = Duration.ofSeconds(2);

    /** No page is ready yet and another request is building one: answered 503 with Retry-After. */
    static final class NotReady extends RuntimeException {
        NotReady() {
            super("the status page is being built", null, false, false);
        }
    }

    /** A page as built, with its JSON and that JSON's validator, made once under the rebuild lock. */
    private record Built(StatusPage page, long version, Instant at, Json json) {
    }

    /** The page's JSON, serialised once per page, and its {@code ETag}. */
    record Json(byte[] bytes, String etag) {
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
    private final PublicIncidents publicIncidents;
    private final ObjectMapper mapper;

    StatusPageBuilder(ComponentCatalogue catalogue, IncidentService incidents, MaintenanceService maintenance,
            AvailabilityService availability, Clock clock,
            @Value("${sladesk.status.changes-shown-within:PT1S}") Duration changesShownWithin,
            PublicIncidents publicIncidents, ObjectMapper mapper) {
        this.mapper = mapper;
        this.publicIncidents = publicIncidents;
        this.catalogue = catalogue;
        this.incidents = incidents;
        this.maintenance = maintenance;
        this.availability = availability;
        this.clock = clock;
        this.changesShownWithin = changesShownWithin;
    }

    /** Bumped by every change of what the page shows (an outage event or a public update). */
    long dataVersion() {
        return version.get();
    }

    StatusPage build() {
        return current().page();
    }

    /**
     * The JSON of the page {@link #build()} gives now: serialised once, by the request that built the
     * page, so nobody serialises a page again (225 KB with 500 active incidents).
     */
    Json json() {
        return current().json();
    }

    private Built current() {
        Instant now = clock.instant();
        long version = this.version.get();
        Built built = last.get();
        if (fresh(built, version, now)) {
            return built;
        }
        boolean oldPageServable = built != null && !now.isBefore(built.at())
                && now.isBefore(built.at().plus(SERVE_OLD_FOR));
        if (!oldPageServable) {
            // no page to serve yet (a node just started): wait a little for the one being built,
            // then give up with 503 rather than hold a request thread (and its turn) behind it
            try {
                if (!rebuilding.tryLock(FIRST_BUILD_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    throw new NotReady();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotReady();
            }
        } else if (!rebuilding.tryLock()) {
            // another request is rebuilding it: serve the page of a moment ago rather than have
            // every waiting request build the same page
            return built;
        }
        try {
            built = last.get();
            if (fresh(built, version, now)) {
                return built;
            }
            StatusPage page = compute(now);
            built = new Built(page, version, now, json(page));
            last.set(built);
            return built;
        } finally {
            rebuilding.unlock();
        }
    }

    private Json json(StatusPage page) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(page);
            return new Json(bytes, etag(bytes));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("the status page could not be written as JSON", e);
        }
    }

    /** A strong validator: the first 128 bits of the body's SHA-256, quoted. */
    static String etag(byte[] body) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "\"";
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

    /** A public update changes what the page shows, as an outage event does. */
    @EventListener
    void onPublicChange(PublicIncidentChanged event) {
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
        List<PublicIncidentView> active = publicIncidents.active();
        Map<Long, String> severities = new HashMap<>();
        incidents.unresolvedSeverities(active.stream().map(PublicIncidentView::id).toList())
                .forEach((id, severity) -> severities.put(id, severity.name()));
        Map<String, ComponentImpact> impacts = new HashMap<>();
        active.forEach(i -> i.components().forEach(c -> impacts.merge(c.code(), c.impact(), ComponentImpact::worse)));
        List<MaintenanceView> upcoming = maintenance.upcoming();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<StatusPage.ComponentStatus> components = catalogue.all().stream()
                .map(c -> component(c, impacts, upcoming, today)).toList();
        String overallStatus = components.stream().map(StatusPage.ComponentStatus::status)
                .reduce(OPERATIONAL, StatusPageBuilder::worse);
        Map<String, List<StatusPage.ComponentStatus>> grouped = new LinkedHashMap<>();
        catalogue.groups().forEach(g -> grouped.put(g.name(), new ArrayList<>()));
        components.stream().filter(c -> c.group() != null)
                .forEach(c -> grouped.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c));
        List<StatusPage.Group> groups = grouped.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> {
                    String status = e.getValue().stream().map(StatusPage.ComponentStatus::status)
                            .reduce(OPERATIONAL, StatusPageBuilder::worse);
                    return new StatusPage.Group(e.getKey(), coarse(status), status,
                            e.getValue().stream().map(StatusPage.ComponentStatus::code).toList());
                }).toList();
        return new StatusPage(coarse(overallStatus), label(overallStatus), overallStatus, now, components, groups,
                active.stream().map(i -> active(i, severities)).toList(),
                upcoming.stream().map(m -> new StatusPage.Maintenance(m.id(), m.title(), m.type().value(),
                        m.status().name(), m.startsAt(), m.endsAt(), m.components())).toList());
    }

    private StatusPage.ComponentStatus component(ComponentInfo c, Map<String, ComponentImpact> impacts,
            List<MaintenanceView> upcoming, LocalDate today) {
        String status = OPERATIONAL;
        if (upcoming.stream().anyMatch(m -> m.status() == MaintenanceStatus.IN_PROGRESS && m.components().contains(c.code()))) {
            status = UNDER_MAINTENANCE;
        }
        if (impacts.containsKey(c.code())) {
            status = worse(status, impacts.get(c.code()).value());
        }
        Map<LocalDate, BigDecimal> daily = availability.daily(today.minusDays(DAYS - 1L), today.plusDays(1), c.code());
        BigDecimal average = daily.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(Math.max(daily.size(), 1)), 3, RoundingMode.DOWN);
        return new StatusPage.ComponentStatus(c.code(), c.name(), c.group(), coarse(status), status, average,
                daily.entrySet().stream().map(e -> new StatusPage.Day(e.getKey(), e.getValue(),
                        availability.statusOf(e.getValue()))).toList());
    }

    private StatusPage.ActiveIncident active(PublicIncidentView i, Map<Long, String> severities) {
        PublicIncidentView.Update latest = i.latest();
        ComponentImpact worst = i.worstImpact();
        String severity = severities.get(i.id());
        return new StatusPage.ActiveIncident(i.id(), i.title(), severity,
                worst == null ? "none" : coarse(worst.value()),
                i.components().stream().map(PublicIncidentView.AffectedComponent::code).toList(), i.startedAt(),
                latest == null ? null : latest.message(), latest == null ? i.startedAt() : latest.postedAt(),
                i.status().value(), "/status/incidents/" + i.id(),
                i.components().stream().map(c -> new StatusPage.AffectedComponent(c.code(), c.name(),
                        c.impact().value())).toList());
    }

    static final String OPERATIONAL = "operational";
    static final String UNDER_MAINTENANCE = "under_maintenance";
    private static final List<String> ORDER = List.of(OPERATIONAL, UNDER_MAINTENANCE, "degraded_performance",
            "partial_outage", "major_outage");

    static String worse(String a, String b) {
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }

    /** The coarse state the page carried before public updates: degraded or outage. */
    static String coarse(String status) {
        return switch (status) {
            case "degraded_performance" -> "degraded";
            case "partial_outage", "major_outage" -> "outage";
            default -> status;
        };
    }

    static String label(String status) {
        return switch (status) {
            case "major_outage" -> "Major outage";
            case "partial_outage" -> "Partial outage";
            case "degraded_performance" -> "Degraded performance";
            case "under_maintenance" -> "Under maintenance";
            default -> "All systems operational";
        };
    }
}
