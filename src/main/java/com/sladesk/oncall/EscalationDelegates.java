package com.sladesk.oncall;

import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.sladesk.oncall.EscalationChainProcess.VAR_CHAIN;
import static com.sladesk.oncall.EscalationChainProcess.VAR_NEXT_PAGE_AT;
import static com.sladesk.oncall.EscalationChainProcess.VAR_POLICY;
import static com.sladesk.oncall.EscalationChainProcess.VAR_STEP;
import static com.sladesk.oncall.EscalationChainProcess.VAR_STEPS;
import static com.sladesk.oncall.EscalationChainProcess.VAR_STEP_COUNT;

/** The {@code escalation-chain} process's two steps: plan (a snapshot of the policy and its times) and page a level. */
@Configuration(proxyBeanMethods = false)
class EscalationDelegates {

    private static final TypeReference<List<EscalationPolicy.Step>> STEPS = new TypeReference<>() {
    };

    @Bean
    JavaDelegate escalationPlanDelegate(Escalations escalations, ObjectMapper json) {
        return execution -> {
            Escalations.Plan plan = escalations.plan(incidentId(execution), chain(execution));
            execution.setVariable(VAR_POLICY, plan.policy());
            execution.setVariable(VAR_STEPS, json.writeValueAsString(plan.steps()));
            execution.setVariable(VAR_STEP_COUNT, plan.steps().size());
            execution.setVariable(VAR_STEP, 0);
            if (!plan.steps().isEmpty()) {
                execution.setVariable(VAR_NEXT_PAGE_AT, Date.from(plan.steps().get(0).at()));
            }
        };
    }

    @Bean
    JavaDelegate escalationPageDelegate(Escalations escalations, ObjectMapper json) {
        return execution -> {
            List<EscalationPolicy.Step> steps = steps(json, execution);
            int index = ((Number) execution.getVariable(VAR_STEP)).intValue();
            EscalationPolicy.Step step = steps.get(index);
            escalations.page(incidentId(execution), chain(execution), step.pass(), step.level(),
                    (String) execution.getVariable(VAR_POLICY));
            execution.setVariable(VAR_STEP, index + 1);
            if (index + 1 < steps.size()) {
                execution.setVariable(VAR_NEXT_PAGE_AT, Date.from(steps.get(index + 1).at()));
            }
        };
    }

    private static List<EscalationPolicy.Step> steps(ObjectMapper json, DelegateExecution execution)
            throws JsonProcessingException {
        return json.readValue((String) execution.getVariable(VAR_STEPS), STEPS);
    }

    private static long incidentId(DelegateExecution execution) {
        return ((Number) execution.getVariable("incidentId")).longValue();
    }

    private static String chain(DelegateExecution execution) {
        Object chain = execution.getVariable(VAR_CHAIN);
        return chain == null ? "response" : chain.toString();
    }
}
