package com.sladesk.change;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

    long countByDecisionAndDecidedAtGreaterThanEqual(ChangeDecision decision, Instant since);

    List<ChangeRequest> findAllByOrderByRequestedAtDescIdDesc();
}
