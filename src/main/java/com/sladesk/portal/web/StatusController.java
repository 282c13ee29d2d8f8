package com.sladesk.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.communication.PublicIncidentView;
import com.sladesk.communication.PublicIncidents;
import com.sladesk.maintenance.IcsCalendar;
import com.sladesk.maintenance.MaintenanceService;
import com.sladesk.maintenance.MaintenanceView;
import com.sladesk.system.AnswerCache;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.XmlText;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public status page (no login), its JSON, the Atom feed and the maintenance calendar feed. */
@Controller
class StatusController {

    static final String STATUS = "status/status";
    static final String CALENDAR = "status/maintenance";
    static final String INCIDENT = "status/incident";
    static final String HISTORY = "status/history";

    private final StatusPageBuilder builder;
    private final MaintenanceService maintenance;
    private final PublicIncidents publicIncidents;
    private final ComponentCatalogue catalogue;
    private final Clock clock;
    private final AnswerCache<String, byte[]> feeds = new AnswerCache<>(Duration.ofSeconds(1), 16);

    StatusController(StatusPageBuilder builder, MaintenanceService maintenance, PublicIncidents publicIncidents,
            ComponentCatalogue catalogue, Clock clock) {
        this.builder = builder;
        this.maintenance = maintenance;
        this.publicIncidents = publicIncidents;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/status")
    String status(Model model) {
        model.addAttribute("page", builder.build());
        model.addAttribute("catalogue", catalogue.inService());
        model.addAttribute("groups", catalogue.groups());
        return STATUS;
    }

    /**
     * The page as JSON: the bytes the builder serialised with the page it serves now (no request
     * serialises it again), with an {@code ETag}, so a client that sends {@code If-None-Match} gets
     * a 304, and {@code Cache-Control: public, max-age=1} (a change shows within a second).
     */
    @GetMapping(path = "/status.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> statusJson(WebRequest request) {
        StatusPageBuilder.Json json = builder.json();
        if (request.checkNotModified(json.etag())) {
            return null;
        }
        return ResponseEntity.ok().eTag(json.etag()).cacheControl(CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic())
                .contentType(MediaType.APPLICATION_JSON).body(json.bytes());
    }

    /** The first page of a node that just started is still being built: retry in a second. */
    @org.springframework.web.bind.annotation.ExceptionHandler(StatusPageBuilder.NotReady.class)
    ResponseEntity<org.springframework.http.ProblemDetail> notReady() {
        org.springframework.http.ProblemDetail problem = com.sladesk.system.Problems.of(
                org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "starting", "The status page is being built; retry in a second.");
        return ResponseEntity.status(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** One published incident, its timeline and (once published) its postmortem summary; 404 while unpublished. */
    @GetMapping("/status/incidents/{id}")
    String incident(@PathVariable long id, Model model) {
        PublicIncidentView incident = publicIncidents.findPublished(id)
                .orElseThrow(() -> new NotFoundException("Incident", id));
        model.addAttribute("incident", incident);
        List<PublicIncidentView.Update> newestFirst = new ArrayList<>(incident.updates());
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("timeline", newestFirst);
        return INCIDENT;
    }

    /** The published incidents of the last 90 days, newest first. */
    @GetMapping("/status/history")
    String history(Model model) {
        Instant now = clock.instant();
        model.addAttribute("incidents", publicIncidents.history(now.minus(PublicIncidents.HISTORY), 500));
        model.addAttribute("since", now.minus(PublicIncidents.HISTORY));
        return HISTORY;
    }

    @GetMapping("/status/maintenance")
    String calendar(Model model) {
        Instant now = clock.instant();
        model.addAttribute("windows", maintenance.between(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(180))));
        model.addAttribute("policy", maintenance.policy());
        return CALENDAR;
    }

    @GetMapping("/maintenance.ics")
    ResponseEntity<String> ics() {
        Instant now = clock.instant();
        List<MaintenanceView> windows = maintenance.between(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(365)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(IcsCalendar.CONTENT_TYPE))
                .body(IcsCalendar.feed(windows));
    }

    /**
     * The Atom feed, built once per change of what the status page shows (and at most a second
     * old), with an {@code ETag} for readers that poll with {@code If-None-Match}.
     */
    @GetMapping("/status/feed.atom")
    ResponseEntity<byte[]> atom(WebRequest request) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Instant now = clock.instant();
        // the feed shows the last 90 days: a minute later is another question
        byte[] body = feeds.get(base + " " + now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), builder.dataVersion(),
                () -> {
                    try {
                        return atom(base, now).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    catch (FeedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        String etag = StatusPageBuilder.etag(body);
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8")).body(body);
    }

    private String atom(String base, Instant now) throws FeedException {
        List<SyndEntry> entries = new ArrayList<>();
        // one entry per public update (and per published postmortem summary) of the last 90 days
        for (PublicIncidentView i : publicIncidents.history(now.minus(PublicIncidents.HISTORY), 200)) {
            for (PublicIncidentView.Update u : i.updates()) {
                String what = u.kind().equals("postmortem") ? "Postmortem" : u.status().label();
                entries.add(entry("urn:sla-desk:incident:" + i.id() + ":update:" + u.id(), what + ": " + i.title(),
                        base + "/status/incidents/" + i.id(), u.postedAt(), u.message()
                                + (u.components().isEmpty() ? "" : "\n\nAffects: " + u.components().stream()
                                        .map(c -> c.name() + " (" + c.impact().label() + ")")
                                        .collect(java.util.stream.Collectors.joining(", ")))));
            }
        }
        for (MaintenanceView m : maintenance.between(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(180)))) {
            entries.add(entry("urn:sla-desk:maintenance:" + m.id() + ":" + m.icalSequence(),
                    "Maintenance (" + m.status().name().toLowerCase().replace('_', ' ') + "): " + m.title(),
                    base + "/status/maintenance", m.announcedAt(), m.type() + " maintenance of "
                            + String.join(", ", m.components()) + " from " + m.startsAt() + " to " + m.endsAt() + "."));
        }
        entries.sort((a, b) -> b.getUpdatedDate().compareTo(a.getUpdatedDate()));
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("SLA Desk status");
        feed.setLink(base + "/status");
        feed.setUri("urn:sla-desk:status");
        feed.setDescription("Incidents and maintenance");
        feed.setPublishedDate(Date.from(now));
        feed.setEntries(entries.size() > 500 ? entries.subList(0, 500) : entries);
        return new SyndFeedOutput().outputString(feed);
    }

    private static SyndEntry entry(String id, String title, String link, Instant updated, String text) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(id);
        entry.setTitle(XmlText.clean(title));
        entry.setLink(link);
        entry.setUpdatedDate(Date.from(updated));
        entry.setPublishedDate(Date.from(updated));
        SyndContentImpl content = new SyndContentImpl();
        content.setType("text/plain");
        content.setValue(XmlText.clean(text));
        entry.setDescription(content);
        return entry;
    }
}
