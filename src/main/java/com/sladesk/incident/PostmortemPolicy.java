package com.sladesk.incident;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.BudgetPolicy;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The inputs of {@code bpmn/incident/postmortem-policy.dmn} — the month's error-budget tier at
 * resolution — and, for a back-filled incident that runs no process, the table itself. The rule
 * is in the table only.
 */
@Component
class PostmortemPolicy {

    record Decision(String document, String reason) {
        boolean required() {
            return !"NONE".equals(document);
        }
    }

    private final AvailabilityService availability;
    private final DecisionService decisions;

    PostmortemPolicy(AvailabilityService availability, DecisionService decisions) {
        this.availability = availability;
        this.decisions = decisions;
    }

    /** The tier of the month {@code resolvedAt} falls in, as it stands now. */
    BudgetPolicy tierAt(Instant resolvedAt) {
        return availability.month(YearMonth.from(resolvedAt.atZone(ZoneOffset.UTC))).policy();
    }

    Decision decide(Severity severity, BudgetPolicy tier) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey(IncidentResponseProcess.POSTMORTEM_DECISION,
                Variables.createVariables().putValue(IncidentResponseProcess.VAR_SEVERITY, severity.name())
                        .putValue(IncidentResponseProcess.VAR_BUDGET_POLICY, tier.name()))
                .getSingleResult().getEntryMap();
        return new Decision((String) result.get("document"), (String) result.get("reason"));
    }
}
