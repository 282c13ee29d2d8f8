package com.sladesk.credit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceFileRepository extends JpaRepository<EvidenceFile, Long> {

    @Query("select new com.sladesk.credit.CreditRequestView$AttachmentInfo(e.id, e.filename, e.contentType, e.sizeBytes)"
            + " from EvidenceFile e where e.creditRequestId = :requestId order by e.id")
    List<CreditRequestView.AttachmentInfo> infoOf(long requestId);
}
