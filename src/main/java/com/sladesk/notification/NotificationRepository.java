package com.sladesk.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("""
            select n.id from Notification n
            where ((n.status = NotificationStatus.PENDING and n.nextAttemptAt <= :now)
               or (n.status = NotificationStatus.SENDING and n.lockedUntil < :now))
              and n.channel in :channels
            order by n.bulk, n.nextAttemptAt, n.id""")
    List<Long> findDue(@Param("now") Instant now, @Param("channels") Collection<Channel> channels, Pageable page);

    java.util.Optional<Notification> findByIdempotencyKey(String idempotencyKey);

    List<Notification> findByIdIn(Collection<Long> ids);

    /**
     * Takes a due notification for this node until {@code until}; 0 when another node took it
     * first. A lease that ran out (a node died while sending) can be taken again.
     */
    @Modifying
    @Query("""
            update Notification n set n.status = NotificationStatus.SENDING,
                   n.lockedUntil = :until
            where n.id = :id
              and ((n.status = NotificationStatus.PENDING and n.nextAttemptAt <= :now)
                or (n.status = NotificationStatus.SENDING and n.lockedUntil < :now))""")
    int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

    /** The recipient is cast so PostgreSQL knows its type when it is null (else it guesses bytea, and lower() fails). */
    @Query("""
            select n from Notification n
            where (cast(:recipient as String) is null or lower(n.recipient) = lower(cast(:recipient as String)))
              and (:status is null or n.status = :status)
            order by n.createdAt desc, n.id desc""")
    List<Notification> search(@Param("recipient") String recipient, @Param("status") NotificationStatus status,
            Pageable page);

    long countByStatusIn(List<NotificationStatus> statuses);
}
