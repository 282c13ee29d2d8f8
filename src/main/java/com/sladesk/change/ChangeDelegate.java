package com.sladesk.change;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of {@code change-approval}. */
@Component("changeDelegate")
class ChangeDelegate implements JavaDelegate {

    private final ChangeService changes;

    ChangeDelegate(ChangeService changes) {
        this.changes = changes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("changeId")).longValue();
        switch ((String) execution.getVariableLocal("step")) {
            case "record" -> {
                Map<String, Object> result = (Map<String, Object>) execution.getVariable("policyResult");
                changes.recordPolicyDecision(id, result);
                execution.setVariable("decision", result.get("decision"));
            }
            case "ctoDecided" -> changes.notifyCtoDecision(id);
            default -> throw new IllegalStateException("unknown change-approval step");
        }
    }
}
