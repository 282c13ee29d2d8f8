package com.sladesk.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A warning or breach timer fired: record it on the incident and tell whoever the SLA says. */
@Component("slaTimerDelegate")
class SlaTimerDelegate implements JavaDelegate {

    private final IncidentService incidents;

    SlaTimerDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incidentId = ((Number) execution.getVariable(IncidentResponseProcess.VAR_INCIDENT_ID)).longValue();
        SlaTarget target = SlaTarget.valueOf((String) execution.getVariableLocal(IncidentResponseProcess.VAR_TARGET));
        SlaEventKind kind = SlaEventKind.valueOf((String) execution.getVariableLocal(IncidentResponseProcess.VAR_KIND));
        incidents.recordSlaEvent(incidentId, target, kind);
    }
}
