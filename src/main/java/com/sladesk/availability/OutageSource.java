package com.sladesk.availability;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Where outages come from (implemented by the incident module). */
public interface OutageSource {

    /**
     * Outage-impact incidents overlapping [from, to); {@code betaComponents} decides each record's
     * {@code betaOnly}; with {@code components} (null: all), only incidents touching one of them.
     */
    List<OutageRecord> outagesOverlapping(Instant from, Instant to, Set<String> betaComponents,
            Collection<String> components);
}
