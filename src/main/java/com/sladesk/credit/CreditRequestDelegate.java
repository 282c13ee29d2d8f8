package com.sladesk.credit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of {@code credit-request}: each step is one call of {@link CreditService}. */
@Component("creditRequestDelegate")
class CreditRequestDelegate implements JavaDelegate {

    private final CreditService credits;

    CreditRequestDelegate(CreditService credits) {
        this.credits = credits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(CreditRequestProcess.VAR_CREDIT_REQUEST_ID)).longValue();
        String step = (String) execution.getVariableLocal(CreditRequestProcess.VAR_STEP);
        switch (step) {
            case "compute" -> credits.compute(id);
            case "confirmReceipt" -> credits.confirmReceipt(id);
            case "remind" -> credits.remindSres(id);
            case "escalate" -> credits.escalateToLeadership(id);
            case "apply" -> credits.apply(id);
            case "reject" -> credits.reject(id);
            default -> throw new IllegalStateException("unknown credit-request step " + step);
        }
    }
}
