package com.sladesk.slaexception;

import java.time.Instant;
import java.util.List;

import java.time.LocalDate;

/** What a requester writes: the case, the four criteria (each yes/no with a comment) and the period. */
public record ExceptionRequest(String title, String justification, String riskAssessment, String mitigationPlan,
        Criterion criticalBusinessNeed, Criterion temporaryWorkaround, Criterion customerImpactMinimal,
        Criterion clearTimeline, LocalDate startsOn, LocalDate endsOn, Scope scope) {

    /** Without a scope: it exempts nothing. */
    public ExceptionRequest(String title, String justification, String riskAssessment, String mitigationPlan,
            Criterion criticalBusinessNeed, Criterion temporaryWorkaround, Criterion customerImpactMinimal,
            Criterion clearTimeline, LocalDate startsOn, LocalDate endsOn) {
        this(title, justification, riskAssessment, mitigationPlan, criticalBusinessNeed, temporaryWorkaround,
                customerImpactMinimal, clearTimeline, startsOn, endsOn, Scope.NONE);
    }

    public ExceptionRequest {
        scope = scope == null ? Scope.NONE : scope;
    }

    public record Criterion(boolean answer, String comment) {
    }

    /**
     * What an approved exception exempts, within its period: the downtime of the named incidents
     * and the downtime inside [windowStart, windowEnd) on {@code components} (none named: all) from
     * the SLO budget — still shown, marked "exempted by exception N" — and the change gate's freeze
     * for changes with one of {@code changeTitles}. Credits are never reduced by it.
     */
    public record Scope(List<String> components, List<Long> incidentIds, Instant windowStart, Instant windowEnd,
            List<String> changeTitles) {

        public static final Scope NONE = new Scope(List.of(), List.of(), null, null, List.of());

        public Scope {
            components = components == null ? List.of() : components.stream().filter(c -> c != null && !c.isBlank())
                    .map(String::trim).distinct().toList();
            incidentIds = incidentIds == null ? List.of() : List.copyOf(incidentIds);
            changeTitles = changeTitles == null ? List.of() : changeTitles.stream().filter(c -> c != null && !c.isBlank())
                    .map(String::trim).distinct().toList();
        }

        public boolean exemptsNothing() {
            return incidentIds.isEmpty() && windowStart == null && changeTitles.isEmpty();
        }
    }
}
