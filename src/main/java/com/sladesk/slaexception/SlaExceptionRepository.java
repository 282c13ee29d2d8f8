package com.sladesk.slaexception;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaExceptionRepository extends JpaRepository<SlaException, Long> {

    List<SlaException> findAllByOrderByRequestedAtDescIdDesc();
}
