package com.sladesk.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ScheduleRepository extends JpaRepository<Schedule, Long> {

    Optional<Schedule> findByCode(String code);

    @Query("select s from Schedule s where s.deletedAt is null order by s.code")
    List<Schedule> findLive();
}

interface OverrideRepository extends JpaRepository<ScheduleOverride, Long> {

    @Query("""
            select o from ScheduleOverride o where o.scheduleId = :schedule and o.endsAt > :from and o.startsAt < :to
            order by o.id""")
    List<ScheduleOverride> overlapping(@Param("schedule") long schedule, @Param("from") Instant from,
            @Param("to") Instant to);
}
