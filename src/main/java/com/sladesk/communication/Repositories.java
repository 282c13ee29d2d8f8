package com.sladesk.communication;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PublicIncidentRepository extends JpaRepository<PublicIncident, Long> {

    @Query("select p from PublicIncident p where p.publishedAt is not null and p.status <> 'resolved' order by p.startedAt desc")
    List<PublicIncident> findActive(Pageable page);

    /** Published, and not resolved before {@code since}: the history page's 90 days. */
    @Query("""
            select p from PublicIncident p where p.publishedAt is not null
            and (p.resolvedAt is null or p.resolvedAt >= :since) order by p.startedAt desc""")
    List<PublicIncident> findPublishedSince(@Param("since") Instant since, Pageable page);
}

interface PublicIncidentUpdateRepository extends JpaRepository<PublicIncidentUpdate, Long> {

    List<PublicIncidentUpdate> findByIncidentIdOrderByPostedAtAscIdAsc(long incidentId);

    List<PublicIncidentUpdate> findByIncidentIdInOrderByPostedAtAscIdAsc(Collection<Long> incidentIds);

    @Query("""
            select u.id from PublicIncidentUpdate u where u.fannedOutAt is null
            and (u.claimedUntil is null or u.claimedUntil < :now) order by u.id""")
    List<Long> findPending(@Param("now") Instant now, Pageable page);

    /** Claims an update for telling its subscribers (1), or another node has it (0). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update PublicIncidentUpdate u set u.claimedUntil = :until where u.id = :id and u.fannedOutAt is null
            and (u.claimedUntil is null or u.claimedUntil < :now)""")
    int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);
}
