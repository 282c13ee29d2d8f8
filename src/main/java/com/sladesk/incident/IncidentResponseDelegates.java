package com.sladesk.incident;

import com.sladesk.system.TaskForm;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code incident-response}, one bean each, named in the model
 * ({@code ${warnResponseDelegate}}): a warning or breach timer fired, so it is recorded on the
 * incident and whoever the SLA names hears of it.
 */
@Configuration(proxyBeanMethods = false)
class IncidentResponseDelegates {

    @Bean
    JavaDelegate warnResponseDelegate(IncidentService incidents) {
        return execution -> incidents.recordSlaEvent(incidentId(execution), SlaTarget.RESPONSE, SlaEventKind.WARNING);
    }

    @Bean
    JavaDelegate escalateResponseBreachDelegate(IncidentService incidents) {
        return execution -> incidents.recordSlaEvent(incidentId(execution), SlaTarget.RESPONSE, SlaEventKind.BREACH);
    }

    @Bean
    JavaDelegate warnResolutionDelegate(IncidentService incidents) {
        return execution -> incidents.recordSlaEvent(incidentId(execution), SlaTarget.RESOLUTION, SlaEventKind.WARNING);
    }

    @Bean
    JavaDelegate escalateResolutionBreachDelegate(IncidentService incidents) {
        return execution -> incidents.recordSlaEvent(incidentId(execution), SlaTarget.RESOLUTION, SlaEventKind.BREACH);
    }

    @Bean
    JavaDelegate requirePostmortemDelegate(IncidentService incidents) {
        return execution -> {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> decision = (java.util.Map<String, Object>) execution
                    .getVariable(IncidentResponseProcess.VAR_POSTMORTEM_DECISION);
            incidents.requirePostmortem(incidentId(execution), (String) decision.get("document"),
                    (String) decision.get("reason"), (String) execution.getVariable(IncidentResponseProcess.VAR_BUDGET_POLICY));
        };
    }

    @Bean
    TaskForm incidentResponseTaskForm() {
        return new TaskForm(IncidentResponseProcess.KEY, "/sre/incidents/");
    }

    private static long incidentId(DelegateExecution execution) {
        return ((Number) execution.getVariable(IncidentResponseProcess.VAR_INCIDENT_ID)).longValue();
    }
}
