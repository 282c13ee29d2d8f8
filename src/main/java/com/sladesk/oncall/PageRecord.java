package com.sladesk.oncall;

import java.time.Instant;

/**
 * One page the chain sent (or could not): chain {@code response} or {@code resolution}, pass
 * and level, the level's target, the person and channel, and the delivery (the outbox's status
 * and receipt); {@code note} says why nobody was paged (a gap, a deleted schedule).
 */
public record PageRecord(long id, long incidentId, String chain, int pass, int level, String target, String username,
        String channel, Long notificationId, Instant pagedAt, String note, String delivery, Instant deliveredAt,
        String receipt) {
}
