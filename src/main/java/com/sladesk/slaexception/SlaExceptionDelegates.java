package com.sladesk.slaexception;

import com.sladesk.organisation.Role;
import com.sladesk.system.TaskForm;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code sla-exception}, one bean each, named in the model. */
@Configuration(proxyBeanMethods = false)
class SlaExceptionDelegates {

    @Bean
    JavaDelegate recordApprovalDelegate(SlaExceptionService exceptions) {
        return execution -> exceptions.recordApproval(exceptionId(execution));
    }

    @Bean
    JavaDelegate activateExceptionDelegate(SlaExceptionService exceptions) {
        return execution -> exceptions.activate(exceptionId(execution));
    }

    @Bean
    JavaDelegate expireExceptionDelegate(SlaExceptionService exceptions) {
        return execution -> exceptions.expire(exceptionId(execution));
    }

    @Bean
    JavaDelegate rejectExceptionDelegate(SlaExceptionService exceptions) {
        return execution -> exceptions.reject(exceptionId(execution));
    }

    @Bean
    JavaDelegate remindReviewersDelegate(SlaExceptionService exceptions) {
        return execution -> exceptions.remind(exceptionId(execution), Role.SRE, "SRE review");
    }

    @Bean
    JavaDelegate escalateReviewDelegate(SlaExceptionService exceptions) {
        return execution -> exceptions.escalate(exceptionId(execution), "SRE review");
    }

    @Bean
    JavaDelegate remindApproversDelegate(SlaExceptionService exceptions) {
        return execution -> exceptions.remind(exceptionId(execution), Role.LEADERSHIP, "leadership approval");
    }

    @Bean
    JavaDelegate escalateApprovalDelegate(SlaExceptionService exceptions) {
        return execution -> exceptions.escalate(exceptionId(execution), "leadership approval");
    }

    @Bean
    TaskForm slaExceptionTaskForm() {
        return new TaskForm(SlaExceptionProcess.KEY, "/exceptions/");
    }

    private static long exceptionId(DelegateExecution execution) {
        return ((Number) execution.getVariable(SlaExceptionProcess.VAR_EXCEPTION_ID)).longValue();
    }
}
