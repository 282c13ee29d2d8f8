package com.sladesk.credit;

import com.sladesk.system.TaskForm;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code credit-request}, one bean each, named in the model. */
@Configuration(proxyBeanMethods = false)
class CreditRequestDelegates {

    @Bean
    JavaDelegate computeCreditDelegate(CreditService credits) {
        return execution -> credits.compute(creditRequestId(execution));
    }

    @Bean
    JavaDelegate confirmReceiptDelegate(CreditService credits) {
        return execution -> credits.confirmReceipt(creditRequestId(execution));
    }

    @Bean
    JavaDelegate remindSresDelegate(CreditService credits) {
        return execution -> credits.remindSres(creditRequestId(execution));
    }

    @Bean
    JavaDelegate escalateToLeadershipDelegate(CreditService credits) {
        return execution -> credits.escalateToLeadership(creditRequestId(execution));
    }

    @Bean
    JavaDelegate applyCreditDelegate(CreditService credits) {
        return execution -> credits.apply(creditRequestId(execution));
    }

    @Bean
    JavaDelegate rejectClaimDelegate(CreditService credits) {
        return execution -> credits.reject(creditRequestId(execution));
    }

    @Bean
    TaskForm creditRequestTaskForm() {
        return new TaskForm(CreditRequestProcess.KEY, "/sre/credits/");
    }

    private static long creditRequestId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CreditRequestProcess.VAR_CREDIT_REQUEST_ID)).longValue();
    }
}
