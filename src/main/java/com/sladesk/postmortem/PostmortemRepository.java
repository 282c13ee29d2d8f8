package com.sladesk.postmortem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PostmortemRepository extends JpaRepository<Postmortem, Long> {

    @EntityGraph(attributePaths = "actionItems")
    Optional<Postmortem> findByIncidentId(long incidentId);

    @EntityGraph(attributePaths = "actionItems")
    @Query("select p from Postmortem p order by p.dueAt desc, p.id desc")
    List<Postmortem> findAllNewestFirst();

    @Query("select p from Postmortem p join p.actionItems i where i.id = :itemId")
    Optional<Postmortem> findByActionItem(long itemId);

    @Query("select p.incidentId, i from Postmortem p join p.actionItems i where i.owner = :owner order by i.dueOn, i.id")
    List<Object[]> actionItemsOf(String owner);

    /** Items due before {@code before} that were still open at {@code asOf} (open now, or done since). */
    @Query("select p.incidentId, i from Postmortem p join p.actionItems i where i.dueOn < :before and (i.doneAt is null or i.doneAt > :asOf) order by i.dueOn, i.id")
    List<Object[]> actionItemsOpenAt(LocalDate before, java.time.Instant asOf);

    @Query("select p.incidentId, i from Postmortem p join p.actionItems i where i.dueOn >= :from and i.dueOn < :to order by i.dueOn, i.id")
    List<Object[]> actionItemsDueBetween(LocalDate from, LocalDate to);
}
