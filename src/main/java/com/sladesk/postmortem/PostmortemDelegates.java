package com.sladesk.postmortem;

import com.sladesk.system.TaskForm;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code postmortem-review} and {@code postmortem-action-item}: reminder and overdue mails. */
@Configuration(proxyBeanMethods = false)
class PostmortemDelegates {

    @Bean
    JavaDelegate remindPostmortemDelegate(PostmortemService postmortems) {
        return execution -> postmortems.remind(incidentId(execution), false);
    }

    @Bean
    JavaDelegate postmortemOverdueDelegate(PostmortemService postmortems) {
        return execution -> postmortems.remind(incidentId(execution), true);
    }

    @Bean
    JavaDelegate remindActionItemDelegate(PostmortemService postmortems) {
        return execution -> postmortems.remindActionItem(actionItemId(execution), false);
    }

    @Bean
    JavaDelegate actionItemOverdueDelegate(PostmortemService postmortems) {
        return execution -> postmortems.remindActionItem(actionItemId(execution), true);
    }

    @Bean
    TaskForm postmortemReviewTaskForm() {
        return new TaskForm(PostmortemProcesses.REVIEW, "/postmortems/");
    }

    @Bean
    TaskForm actionItemTaskForm() {
        return new TaskForm(PostmortemProcesses.ACTION_ITEM, "/postmortems/action-items/");
    }

    private static long incidentId(DelegateExecution execution) {
        return ((Number) execution.getVariable(PostmortemProcesses.VAR_INCIDENT_ID)).longValue();
    }

    private static long actionItemId(DelegateExecution execution) {
        return ((Number) execution.getVariable(PostmortemProcesses.VAR_ACTION_ITEM_ID)).longValue();
    }
}
