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

    List<Incident> findByOpenedAtGreaterThanEqualAndOpenedAtLessThanOrderByOpenedAt(Instant from,
            Instant to);

    Optional<Incident> findFirstByAlertFingerprintAndStatusNotOrderByIdDesc(String fingerprint, IncidentStatus status);
}
