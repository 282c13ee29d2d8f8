package com.sladesk.credit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CreditLedgerRepository extends JpaRepository<CreditLedgerEntry, Long> {

    List<CreditLedgerEntry> findAllByOrderByCreatedAtDescIdDesc();
}
