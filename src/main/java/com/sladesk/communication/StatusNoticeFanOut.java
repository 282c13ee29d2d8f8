package com.sladesk.communication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.sladesk.maintenance.StatusNotice;
import com.sladesk.maintenance.Subscriptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells subscribers of each public update, after the update's own transaction (so posting one
 * costs its row, not a notification per subscriber): a node claims an update with a conditional
 * update, stores one outbox delivery per subscriber under the update's key, and marks it told, in
 * one transaction. A node that dies in between leaves the claim to lapse ({@code lease}), and the
 * next one stores nothing twice: every delivery's idempotency key is the update's and the subscriber's.
 */
@Component
class StatusNoticeFanOut {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatusNoticeFanOut.class);
    static final int BATCH = 50;
    static final int MAX_ROUNDS = 40;

    private final PublicIncidentUpdateRepository updates;
    private final PublicIncidents incidents;
    private final Subscriptions subscriptions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean enabled;
    private final Duration lease;

    StatusNoticeFanOut(PublicIncidentUpdateRepository updates, PublicIncidents incidents, Subscriptions subscriptions,
            TransactionTemplate transactions, Clock clock,
            @Value("${sladesk.status.fan-out.enabled:true}") boolean enabled,
            @Value("${sladesk.status.fan-out.lease:PT2M}") Duration lease) {
        this.updates = updates;
        this.incidents = incidents;
        this.subscriptions = subscriptions;
        this.transactions = transactions;
        this.clock = clock;
        this.enabled = enabled;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${sladesk.status.fan-out.poll-interval:PT2S}",
            initialDelayString = "${sladesk.status.fan-out.poll-interval:PT2S}")
    void poll() {
        if (enabled) {
            fanOutDue();
        }
    }

    /**
     * Tells the subscribers of every update not told yet, in batches of 50 until none is left;
     * returns how many updates were told. A round claims its batch in one transaction, reads the
     * audience once (the subscribers, the organisations' notice contacts, the webhooks), and tells
     * each update in a transaction of its own: an update whose telling fails keeps its claim until
     * the lease ends and is tried again then; the others go on.
     */
    int fanOutDue() {
        int told = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            Batch batch = transactions.execute(tx -> claim(now));
            if (batch.claimed().isEmpty()) {
                break;
            }
            Subscriptions.Audience audience = subscriptions.audience();
            for (Long id : batch.claimed()) {
                try {
                    transactions.executeWithoutResult(tx -> {
                        PublicIncidentUpdate update = updates.findById(id).orElseThrow();
                        PublicIncidentView incident = incidents.find(update.getIncidentId()).orElseThrow();
                        subscriptions.deliver(notice(incident, update), audience);
                        update.fannedOut(clock.instant());
                    });
                    told++;
                }
                catch (RuntimeException e) {
                    log.warn("Public update {} not told to its subscribers yet (again after {}): {}", id, lease, e.toString());
                }
            }
            if (batch.pending() < BATCH) {
                break;
            }
        }
        return told;
    }

    /** The updates found pending, and those of them this node took (another node may take some first). */
    private record Batch(int pending, List<Long> claimed) {
    }

    /** Takes up to a batch of pending updates, each by a conditional update, in id order as found. */
    private Batch claim(Instant now) {
        List<Long> pending = updates.findPending(now, PageRequest.of(0, BATCH));
        List<Long> claimed = new ArrayList<>();
        for (Long id : pending) {
            if (updates.claim(id, now, now.plus(lease)) == 1) {
                claimed.add(id);
            }
        }
        return new Batch(pending.size(), claimed);
    }

    static StatusNotice notice(PublicIncidentView incident, PublicIncidentUpdate update) {
        boolean postmortem = update.getKind() == PublicIncidentUpdate.Kind.POSTMORTEM;
        PublicIncidentView.Update entry = incident.updates().stream().filter(u -> u.id() == update.getId())
                .findFirst().orElseThrow();
        List<PublicIncidentView.AffectedComponent> affected = entry.components().isEmpty() ? incident.components()
                : entry.components();
        // the number tells apart two incidents of one title (and a mail reader's threads)
        String subject = (postmortem ? "Postmortem" : entry.status().label()) + ": " + incident.title()
                + " (incident #" + incident.id() + ")";
        List<String> lines = new ArrayList<>(List.of(entry.message().split("\n")));
        lines.add("Status: " + entry.status().label());
        if (!affected.isEmpty()) {
            lines.add("Affects: " + affected.stream().map(c -> c.name() + " (" + c.impact().label() + ")")
                    .collect(Collectors.joining(", ")));
        }
        Set<String> components = affected.stream().map(PublicIncidentView.AffectedComponent::code)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", incident.id());
        about.put("title", incident.title());
        about.put("status", incident.status().value());
        about.put("startedAt", incident.startedAt());
        about.put("resolvedAt", incident.resolvedAt());
        about.put("components", affected.stream().map(c -> Map.of("code", c.code(), "name", c.name(),
                "impact", c.impact().value())).toList());
        Map<String, Object> told = new LinkedHashMap<>();
        told.put("id", entry.id());
        told.put("kind", entry.kind());
        told.put("status", entry.status().value());
        told.put("message", entry.message());
        told.put("postedAt", entry.postedAt());
        return new StatusNotice("incident-update:" + update.getId(), postmortem ? "incident.postmortem" : "incident.update",
                subject, lines, "/status/incidents/" + incident.id(), components, true,
                Map.of("incident", about, "update", told), List.of());
    }
}
