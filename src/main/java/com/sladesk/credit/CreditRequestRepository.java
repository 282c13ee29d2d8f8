package com.sladesk.credit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CreditRequestRepository extends JpaRepository<CreditRequest, Long> {

    boolean existsByOrganisationIdAndMonth(Long organisationId, String month);

    List<CreditRequest> findByOrganisationIdOrderBySubmittedAtDescIdDesc(Long organisationId);

    List<CreditRequest> findAllByOrderBySubmittedAtDescIdDesc();
}
