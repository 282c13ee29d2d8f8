package com.sladesk.slaexception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An exception request with its full decision history. */
public record ExceptionView(long id, String title, String justification, String riskAssessment, String mitigationPlan,
        Map<String, ExceptionRequest.Criterion> criteria, LocalDate startsOn, LocalDate endsOn, ExceptionStatus status,
        String requestedBy, Instant requestedAt, List<HistoryEntry> history, ExceptionRequest.Scope scope,
        Instant approvedAt) {

    public record HistoryEntry(Instant at, String actor, String action, String comment) {
    }
}
