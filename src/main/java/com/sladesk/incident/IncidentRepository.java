package com.sladesk.incident;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IncidentRepository extends JpaRepository<Incident, Long> {

    @Query("""
            select i from Incident i
            where (:statuses is null or i.status in :statuses)
              and (:severity is null or i.severity = :severity)
            order by i.openedAt desc, i.id desc""")
    List<Incident> search(@Param("statuses") Collection<IncidentStatus> statuses, @Param("severity") Severity severity,
            Pageable page);

    /** The severity of each of these incidents that is not resolved, as (id, severity) pairs. */
    @Query("select i.id, i.severity from Incident i where i.id in :ids and i.status <> com.sladesk.incident.IncidentStatus.RESOLVED")
    List<Object[]> unresolvedSeverities(@Param("ids") Collection<Long> ids);

    /** What {@link #search} finds, as each incident's id and version only, in the same order. */
    @Query("""
            select i.id, i.version from Incident i
            where (:statuses is null or i.status in :statuses)
              and (:severity is null or i.severity = :severity)
            order by i.openedAt desc, i.id desc""")
    List<Object[]> searchStamps(@Param("statuses") Collection<IncidentStatus> statuses, @Param("severity") Severity severity,
            Pageable page);

    /** Incidents open at some moment of [from, to) that touched one of {@code components}. */
    @Query("""
            select distinct i from Incident i join i.components c
            where i.openedAt < :to and (i.resolvedAt is null or i.resolvedAt > :from) and c in :components
            order by i.openedAt""")
    List<Incident> overlapping(@Param("from") Instant from, @Param("to") Instant to,
            @Param("components") Collection<String> components);

    List<Incident> findByOpenedAtGreaterThanEqualAndOpenedAtLessThanOrderByOpenedAt(Instant from,
            Instant to);

    Optional<Incident> findFirstByAlertFingerprintAndStatusNotOrderByIdDesc(String fingerprint, IncidentStatus status);
}
