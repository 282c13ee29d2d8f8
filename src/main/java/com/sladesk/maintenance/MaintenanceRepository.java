package com.sladesk.maintenance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MaintenanceRepository extends JpaRepository<MaintenanceWindow, Long> {

    @Query("""
            select w from MaintenanceWindow w
            where w.startsAt < :to and w.endsAt > :from
            order by w.startsAt, w.id""")
    List<MaintenanceWindow> overlapping(@Param("from") Instant from, @Param("to") Instant to);

    List<MaintenanceWindow> findByStatusInOrderByStartsAt(Collection<MaintenanceStatus> statuses);
}
