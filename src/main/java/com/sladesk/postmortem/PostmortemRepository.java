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

    @Query("select p.incidentId, i from Postmortem p join p.actionItems i where i.status = com.sladesk.postmortem.ActionItemStatus.OPEN and i.dueOn < :before order by i.dueOn, i.id")
    List<Object[]> openActionItemsDueBefore(LocalDate before);

    @Query("select p.incidentId, i from Postmortem p join p.actionItems i where i.dueOn >= :from and i.dueOn < :to order by i.dueOn, i.id")
    List<Object[]> actionItemsDueBetween(LocalDate from, LocalDate to);
}
