package com.sladesk.incident;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sladesk.availability.OutageRecord;
import com.sladesk.availability.OutageSource;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outage-impact incidents for the availability engine, read with two flat queries (no entities),
 * so that a month of 100,000 incidents stays cheap.
 */
@Component
@Transactional(readOnly = true)
class IncidentOutageSource implements OutageSource {

    private final EntityManager entityManager;

    IncidentOutageSource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<OutageRecord> outagesOverlapping(Instant from, Instant to) {
        List<Object[]> rows = entityManager.createQuery("""
                select i.id, i.openedAt, i.resolvedAt, i.environment, i.cause from Incident i
                where i.impact = :outage and i.openedAt < :to and (i.resolvedAt is null or i.resolvedAt > :from)""",
                Object[].class)
                .setParameter("outage", Impact.OUTAGE).setParameter("from", from).setParameter("to", to)
                .getResultList();
        Map<Long, Set<String>> components = new HashMap<>();
        entityManager.createQuery("""
                select i.id, c from Incident i join i.components c
                where i.impact = :outage and i.openedAt < :to and (i.resolvedAt is null or i.resolvedAt > :from)""",
                Object[].class)
                .setParameter("outage", Impact.OUTAGE).setParameter("from", from).setParameter("to", to)
                .getResultStream()
                .forEach(r -> components.computeIfAbsent((Long) r[0], k -> new HashSet<>()).add((String) r[1]));
        return rows.stream().map(r -> new OutageRecord((Long) r[0], (Instant) r[1], (Instant) r[2],
                r[3] == Environment.PRODUCTION, r[4] == null ? null : ((Cause) r[4]).value(),
                components.getOrDefault((Long) r[0], Set.of()))).toList();
    }
}
