package com.sladesk.change;

import java.util.Map;

import com.sladesk.system.TaskForm;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.sladesk.change.ChangeApprovalProcess.*;

/** The service tasks of {@code change-approval}, one bean each, named in the model. */
@Configuration(proxyBeanMethods = false)
class ChangeApprovalDelegates {

    @Bean
    JavaDelegate recordDecisionDelegate(ChangeService changes) {
        return execution -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) execution.getVariable(VAR_POLICY_RESULT);
            ChangeDecision decision = ChangeDecision.valueOf((String) result.get(VAR_DECISION));
            changes.recordPolicyDecision(changeId(execution), decision, (String) result.get(VAR_REASON));
            execution.setVariable(VAR_DECISION, decision.name());
        };
    }

    @Bean
    JavaDelegate recordCtoDecisionDelegate(ChangeService changes) {
        return execution -> changes.notifyCtoDecision(changeId(execution));
    }

    @Bean
    TaskForm changeApprovalTaskForm() {
        return new TaskForm(KEY, "/changes/");
    }

    private static long changeId(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_CHANGE_ID)).longValue();
    }
}
