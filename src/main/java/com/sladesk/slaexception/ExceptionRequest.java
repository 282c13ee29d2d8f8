package com.sladesk.slaexception;

import java.time.LocalDate;

/** What a requester writes: the case, the four criteria (each yes/no with a comment) and the period. */
public record ExceptionRequest(String title, String justification, String riskAssessment, String mitigationPlan,
        Criterion criticalBusinessNeed, Criterion temporaryWorkaround, Criterion customerImpactMinimal,
        Criterion clearTimeline, LocalDate startsOn, LocalDate endsOn) {

    public record Criterion(boolean answer, String comment) {
    }
}
