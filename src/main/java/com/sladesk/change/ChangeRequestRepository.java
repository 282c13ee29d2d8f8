package com.sladesk.change;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

    /** Decisions taken in [{@code from}, {@code to}): this week's, not every one since Monday in any later week. */
    long countByDecisionAndDecidedAtGreaterThanEqualAndDecidedAtLessThan(ChangeDecision decision, Instant from, Instant to);

    List<ChangeRequest> findAllByOrderByRequestedAtDescIdDesc();
}
