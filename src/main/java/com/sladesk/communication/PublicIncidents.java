package com.sladesk.communication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentInfo;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentOpened;
import com.sladesk.incident.IncidentResolved;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.postmortem.PostmortemService;
import com.sladesk.postmortem.PostmortemStatus;
import com.sladesk.postmortem.PostmortemView;
import com.sladesk.system.ConflictException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public side of incidents. An incident an SRE opens in production with an impact is
 * published at once, under its title, "investigating", its components with the impact its own
 * impact implies; one Alertmanager opens, or a staging one, or one without impact, starts
 * unpublished, and an SRE publishes it (an update before that is a 409). Resolving the incident
 * resolves its public side too, with an update saying so, unless an SRE already did. Nothing
 * internal (description, severity changes, notes) is copied here.
 */
@Service
@Transactional
public class PublicIncidents {

    public static final int MAX_MESSAGE = 10_000;
    public static final int MAX_TITLE = 200;
    static final String ALERTMANAGER = "alertmanager";

    private final PublicIncidentRepository incidents;
    private final PublicIncidentUpdateRepository updates;
    private final IncidentService internal;
    private final ComponentCatalogue catalogue;
    private final PostmortemService postmortems;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicIncidents(PublicIncidentRepository incidents, PublicIncidentUpdateRepository updates,
            IncidentService internal, ComponentCatalogue catalogue, PostmortemService postmortems,
            ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.updates = updates;
        this.internal = internal;
        this.catalogue = catalogue;
        this.postmortems = postmortems;
        this.events = events;
        this.clock = clock;
    }

    /** The public side of an incident as SREs see it (published or not); empty when it has none yet. */
    @Transactional(readOnly = true)
    public Optional<PublicIncidentView> find(long incidentId) {
        return incidents.findById(incidentId).map(p -> view(p, updates.findByIncidentIdOrderByPostedAtAscIdAsc(incidentId),
                catalogued()));
    }

    /** The public side of a published incident: what anyone may read. */
    @Transactional(readOnly = true)
    public Optional<PublicIncidentView> findPublished(long incidentId) {
        return find(incidentId).filter(PublicIncidentView::published);
    }

    /** Published incidents not resolved, newest first (the 500 newest: a page, not an archive). */
    @Transactional(readOnly = true)
    public List<PublicIncidentView> active() {
        return views(incidents.findActive(PageRequest.of(0, 500)));
    }

    /** Published incidents still open or resolved since {@code since}, newest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<PublicIncidentView> history(Instant since, int limit) {
        return views(incidents.findPublishedSince(since, PageRequest.of(0, limit)));
    }

    /** Makes the public side public, with its first update; a 409 when it already is. */
    public PublicIncidentView publish(long incidentId, PublicUpdate first, String actor) {
        IncidentView incident = internal.find(incidentId).orElseThrow(() -> new NotFoundException("Incident", incidentId));
        PublicIncident side = incidents.findById(incidentId)
                .orElseGet(() -> incidents.save(new PublicIncident(incidentId, incident.title(), incident.openedAt())));
        if (side.isPublished()) {
            throw new ConflictException("Incident " + incidentId + " is published already: post an update instead.");
        }
        String title = title(first.title(), incident.title());
        PublicStatus status = PublicStatus.parse("status", first.status());
        String message = message(first.message());
        Map<String, ComponentImpact> components = components(first.components());
        side.publish(title, clock.instant(), actor);
        append(side, PublicIncidentUpdate.Kind.UPDATE, status, message,
                components != null ? components : side.getComponents(), actor);
        events.publishEvent(new PublicIncidentChanged(incidentId, "publish", title + " (" + status.value() + ")", actor));
        return find(incidentId).orElseThrow();
    }

    /** Adds an update to a published incident's timeline; a 409 while it is unpublished. */
    public PublicIncidentView post(long incidentId, PublicUpdate update, String actor) {
        if (!internal.unknownIds(List.of(incidentId)).isEmpty()) {
            throw new NotFoundException("Incident", incidentId);
        }
        PublicStatus status = PublicStatus.parse("status", update.status());
        String message = message(update.message());
        Map<String, ComponentImpact> components = components(update.components());
        PublicIncident side = incidents.findById(incidentId).filter(PublicIncident::isPublished)
                .orElseThrow(() -> new ConflictException("Incident " + incidentId
                        + " has no public side yet: publish it first."));
        if (update.title() != null && !update.title().isBlank()) {
            side.retitle(title(update.title(), side.getTitle()));
        }
        append(side, PublicIncidentUpdate.Kind.UPDATE, status, message,
                components != null ? components : side.getComponents(), actor);
        events.publishEvent(new PublicIncidentChanged(incidentId, "public-update", status.value(), actor));
        return find(incidentId).orElseThrow();
    }

    /**
     * Publishes the approved postmortem's customer-facing summary (its summary and customer impact)
     * on the public page and feed: a 409 unless the postmortem is approved and the incident published.
     */
    public PublicIncidentView publishSummary(long incidentId, String actor) {
        PublicIncident side = incidents.findById(incidentId).filter(PublicIncident::isPublished)
                .orElseThrow(() -> !internal.unknownIds(List.of(incidentId)).isEmpty() ? new NotFoundException("Incident", incidentId)
                        : new ConflictException("Incident " + incidentId + " is not published: publish it first."));
        PostmortemView postmortem;
        try {
            postmortem = postmortems.find(incidentId);
        }
        catch (NotFoundException none) {
            throw new ConflictException("Incident " + incidentId + " has no postmortem to publish.");
        }
        if (postmortem.status() != PostmortemStatus.APPROVED) {
            throw new ConflictException("The postmortem of incident " + incidentId + " is " + postmortem.status()
                    + ": only an approved postmortem's summary is published.");
        }
        if (side.getSummaryPublishedAt() != null) {
            throw new ConflictException("The postmortem summary of incident " + incidentId + " is published already.");
        }
        String summary = customerSummary(postmortem);
        side.publishSummary(summary, clock.instant());
        append(side, PublicIncidentUpdate.Kind.POSTMORTEM, side.getStatus(), summary, side.getComponents(), actor);
        events.publishEvent(new PublicIncidentChanged(incidentId, "publish-postmortem", postmortem.title(), actor));
        return find(incidentId).orElseThrow();
    }

    /** What publishing the postmortem would show: its summary, then its impact on customers. */
    public static String customerSummary(PostmortemView postmortem) {
        String summary = postmortem.summary() == null ? "" : postmortem.summary().strip();
        String impact = postmortem.customerImpact() == null ? "" : postmortem.customerImpact().strip();
        String text = impact.isEmpty() ? summary : summary + "\n\nImpact on customers: " + impact;
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text;
    }

    /**
     * A new incident gets its public side in the same transaction: published at once when an SRE
     * opened it in production with an impact, unpublished otherwise.
     */
    @EventListener
    void on(IncidentOpened opened) {
        // what the event carries, in the incident's own order of components: no second read of the incident
        PublicIncident side = new PublicIncident(opened.incidentId(), opened.title(), opened.openedAt());
        if (ALERTMANAGER.equals(opened.actor()) || opened.environment() != Environment.PRODUCTION
                || opened.impact() == Impact.NONE) {
            incidents.save(side);
            return;
        }
        ComponentImpact impact = opened.impact() == Impact.OUTAGE ? ComponentImpact.MAJOR_OUTAGE
                : ComponentImpact.DEGRADED_PERFORMANCE;
        Map<String, ComponentImpact> components = new java.util.TreeMap<>();
        opened.components().forEach(code -> components.put(code, impact));
        Instant now = clock.instant();
        side.publish(opened.title(), now, opened.actor());
        // the side is stored as its first update leaves it: one INSERT, no UPDATE after it (issue #21)
        side.apply(PublicStatus.INVESTIGATING, components, now);
        incidents.save(side);
        updates.save(new PublicIncidentUpdate(side.getIncidentId(), PublicIncidentUpdate.Kind.UPDATE, PublicStatus.INVESTIGATING,
                "We are investigating an issue affecting " + names(List.copyOf(components.keySet())) + ".", components, now,
                opened.actor()));
        events.publishEvent(new PublicIncidentChanged(opened.incidentId(), "publish", opened.title(), opened.actor()));
    }

    /** Resolving the incident resolves its public side, with an update unless it says so already. */
    @EventListener
    void on(IncidentResolved resolved) {
        incidents.findById(resolved.incidentId()).filter(p -> p.getStatus() != PublicStatus.RESOLVED).ifPresent(side -> {
            if (!side.isPublished()) {
                side.apply(PublicStatus.RESOLVED, null, clock.instant());
                return;
            }
            append(side, PublicIncidentUpdate.Kind.UPDATE, PublicStatus.RESOLVED, "This incident has been resolved.",
                    side.getComponents(), resolved.actor());
            events.publishEvent(new PublicIncidentChanged(resolved.incidentId(), "public-update", "resolved",
                    resolved.actor()));
        });
    }

    private void append(PublicIncident side, PublicIncidentUpdate.Kind kind, PublicStatus status, String message,
            Map<String, ComponentImpact> components, String actor) {
        Instant now = clock.instant();
        side.apply(status, components, now);
        updates.save(new PublicIncidentUpdate(side.getIncidentId(), kind, status, message, components, now, actor));
    }

    private String names(List<String> codes) {
        Map<String, ComponentInfo> catalogued = catalogued();
        return codes.isEmpty() ? "our services" : codes.stream()
                .map(c -> catalogued.containsKey(c) ? catalogued.get(c).name() : c).collect(Collectors.joining(", "));
    }

    private static String title(String given, String fallback) {
        String title = given == null || given.isBlank() ? fallback : given.strip();
        if (title.length() > MAX_TITLE) {
            throw new InvalidInputException("title", "length", "at most " + MAX_TITLE + " characters");
        }
        return title;
    }

    private static String message(String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidInputException("message", "required", "is required");
        }
        String text = message.strip().replace("\r\n", "\n").replace('\r', '\n');
        if (text.length() > MAX_MESSAGE) {
            throw new InvalidInputException("message", "length", "at most " + MAX_MESSAGE + " characters, not "
                    + text.length());
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw new InvalidInputException("message", "format", "plain text: no control characters");
        }
        return text;
    }

    /** The affected components as given (null: unchanged); each must be in service, each impact known. */
    private Map<String, ComponentImpact> components(Map<String, String> given) {
        if (given == null) {
            return null;
        }
        if (given.size() > 200) {
            throw new InvalidInputException("components", "size", "at most 200 components");
        }
        List<String> unknown = catalogue.unknownCodes(given.keySet().stream()
                .map(code -> code == null ? "" : code.trim()).toList());
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("components." + unknown.get(0), "unknown",
                    "not a component in service: " + String.join(", ", unknown));
        }
        Map<String, ComponentImpact> impacts = new LinkedHashMap<>();
        given.forEach((code, impact) -> impacts.put(code.trim(),
                ComponentImpact.parse("components." + code.trim(), impact)));
        return impacts;
    }

    private List<PublicIncidentView> views(List<PublicIncident> sides) {
        Map<Long, List<PublicIncidentUpdate>> byIncident = updates.findByIncidentIdInOrderByPostedAtAscIdAsc(
                sides.stream().map(PublicIncident::getIncidentId).toList()).stream()
                .collect(Collectors.groupingBy(PublicIncidentUpdate::getIncidentId, LinkedHashMap::new, Collectors.toList()));
        Map<String, ComponentInfo> catalogued = catalogued();
        List<PublicIncidentView> views = new ArrayList<>();
        for (PublicIncident side : sides) {
            views.add(view(side, byIncident.getOrDefault(side.getIncidentId(), List.of()), catalogued));
        }
        return views;
    }

    private Map<String, ComponentInfo> catalogued() {
        return catalogue.all().stream().collect(Collectors.toMap(ComponentInfo::code, Function.identity(), (a, b) -> a));
    }

    private PublicIncidentView view(PublicIncident side, List<PublicIncidentUpdate> timeline,
            Map<String, ComponentInfo> catalogued) {
        return new PublicIncidentView(side.getIncidentId(), side.getTitle(), side.getStatus(), side.getStartedAt(),
                side.getResolvedAt(), side.isPublished(), side.getPublishedAt(),
                affected(side.getComponents(), catalogued),
                timeline.stream().map(u -> new PublicIncidentView.Update(u.getId(), u.getKind().name().toLowerCase(),
                        u.getStatus(), u.getMessage(), u.getPostedAt(), u.getPostedBy(),
                        affected(u.getComponents(), catalogued))).toList(),
                side.getSummary(), side.getSummaryPublishedAt());
    }

    private static List<PublicIncidentView.AffectedComponent> affected(Map<String, ComponentImpact> impacts,
            Map<String, ComponentInfo> catalogued) {
        return impacts.entrySet().stream().map(e -> {
            ComponentInfo c = catalogued.get(e.getKey());
            return new PublicIncidentView.AffectedComponent(e.getKey(), c == null ? e.getKey() : c.name(),
                    c == null ? null : c.group(), e.getValue());
        }).sorted(Comparator.comparing(PublicIncidentView.AffectedComponent::impact).reversed()
                .thenComparing(PublicIncidentView.AffectedComponent::code)).toList();
    }

    /** How far back the history page and the feed go. */
    public static final Duration HISTORY = Duration.ofDays(90);
}
