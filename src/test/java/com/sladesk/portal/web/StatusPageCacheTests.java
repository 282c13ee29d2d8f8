package com.sladesk.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.OutageEvent;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.maintenance.MaintenanceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page as production builds it (a change shows within a second; an unchanged page is
 * reused for 5 s), on the real services and database, with the engine clock moved by hand.
 */
@SlaDeskTest
@Tag("clock")
class StatusPageCacheTests {

    @Autowired
    ComponentCatalogue catalogue;

    @Autowired
    IncidentService incidents;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    AvailabilityService availability;

    @Autowired
    Clock clock;

    @Autowired
    com.sladesk.communication.PublicIncidents publicIncidents;

    @Autowired
    ApplicationEventMulticaster events;

    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void reusedForSecondsAndShowsAChangeWithinOne() {
        // the production setting, on a builder of its own that hears the application's events
        StatusPageBuilder builder = new StatusPageBuilder(catalogue, incidents, maintenance, availability, clock,
                Duration.ofSeconds(1), publicIncidents, mapper);
        ApplicationListener<PayloadApplicationEvent<OutageEvent>> listener = ApplicationListener.forPayload(builder::on);
        ApplicationListener<PayloadApplicationEvent<com.sladesk.communication.PublicIncidentChanged>> publicListener =
                ApplicationListener.forPayload(builder::onPublicChange);
        events.addApplicationListener(listener);
        events.addApplicationListener(publicListener);
        try {
            reusedForSecondsAndShowsAChangeWithinOne(builder);
        } finally {
            events.removeApplicationListener(listener);
            events.removeApplicationListener(publicListener);
        }
    }

    private void reusedForSecondsAndShowsAChangeWithinOne(StatusPageBuilder builder) {
        Instant t = Instant.parse("2026-08-03T10:00:00Z");
        TestClock.pin(t);
        StatusPage first = builder.build();
        TestClock.pin(t.plusMillis(4_000));
        assertThat(builder.build()).as("served again within 5 s while nothing changes").isSameAs(first);
        TestClock.pin(t.plusMillis(5_000));
        StatusPage second = builder.build();
        assertThat(second).as("rebuilt at 5 s").isNotSameAs(first);

        IncidentView degraded = incidents.open(new NewIncident("API slow for some", null, Severity.P2, List.of("api"),
                Environment.PRODUCTION, Impact.DEGRADED, null, null), "sre");
        TestClock.pin(t.plusMillis(5_500));
        assertThat(builder.build()).as("a page younger than a second is still served after a change").isSameAs(second);
        TestClock.pin(t.plusMillis(6_100));
        assertThat(latestUpdate(builder.build(), degraded.id()))
                .isEqualTo("We are investigating an issue affecting API Endpoints.");

        // a public update (not an internal step such as the acknowledgement) is what the page tells
        publicIncidents.post(degraded.id(), new com.sladesk.communication.PublicUpdate("identified",
                "A bad deploy; rolling back.", null), "sre");
        TestClock.pin(t.plusMillis(7_200));
        assertThat(latestUpdate(builder.build(), degraded.id())).isEqualTo("A bad deploy; rolling back.");
        incidents.acknowledge(degraded.id(), "sre");

        incidents.resolve(degraded.id(), null, Cause.INTERNAL, "sre");
        TestClock.pin(t.plusMillis(8_300));
        StatusPage resolved = builder.build();
        assertThat(resolved.activeIncidents()).noneMatch(i -> i.id() == degraded.id());
        TestClock.pin(t.plusMillis(10_000));
        assertThat(builder.build()).as("unchanged since the resolve").isSameAs(resolved);

        TestClock.pin(t.plusSeconds(14));
        StatusPage later = builder.build();
        assertThat(later).isNotSameAs(resolved);
        assertThat(later.generatedAt()).isEqualTo(t.plusSeconds(14));
    }

    private static String latestUpdate(StatusPage page, long id) {
        return page.activeIncidents().stream().filter(i -> i.id() == id).findFirst()
                .map(StatusPage.ActiveIncident::latestUpdate).orElse(null);
    }

}
