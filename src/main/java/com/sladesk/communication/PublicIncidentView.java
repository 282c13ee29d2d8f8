package com.sladesk.communication;

import java.time.Instant;
import java.util.List;

/**
 * An incident's public side: {@code published} false means nothing of it is public yet. The
 * {@code updates} are its timeline, oldest first; {@code summary} is a published postmortem's
 * customer-facing summary.
 */
public record PublicIncidentView(long id, String title, PublicStatus status, Instant startedAt, Instant resolvedAt,
        boolean published, Instant publishedAt, List<AffectedComponent> components, List<Update> updates,
        String summary, Instant summaryPublishedAt) {

    public record AffectedComponent(String code, String name, String group, ComponentImpact impact) {
    }

    /** One timeline entry; {@code kind} is {@code update} or {@code postmortem}. */
    public record Update(long id, String kind, PublicStatus status, String message, Instant postedAt, String postedBy,
            List<AffectedComponent> components) {
    }

    /** The worst impact among the affected components, or null when none is named. */
    public ComponentImpact worstImpact() {
        return components.stream().map(AffectedComponent::impact).reduce(null, ComponentImpact::worse);
    }

    public Update latest() {
        return updates.isEmpty() ? null : updates.get(updates.size() - 1);
    }

    public boolean resolved() {
        return status == PublicStatus.RESOLVED;
    }
}
