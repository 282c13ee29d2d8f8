package com.sladesk.slaexception;

import com.sladesk.organisation.Role;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of {@code sla-exception}: each step is one call of {@link SlaExceptionService}. */
@Component("slaExceptionDelegate")
class SlaExceptionDelegate implements JavaDelegate {

    private final SlaExceptionService exceptions;

    SlaExceptionDelegate(SlaExceptionService exceptions) {
        this.exceptions = exceptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(SlaExceptionProcess.VAR_EXCEPTION_ID)).longValue();
        switch ((String) execution.getVariableLocal(SlaExceptionProcess.VAR_STEP)) {
            case "approved" -> exceptions.recordApproval(id);
            case "activate" -> exceptions.activate(id);
            case "expire" -> exceptions.expire(id);
            case "reject" -> exceptions.reject(id);
            case "remindReview" -> exceptions.remind(id, Role.SRE, "SRE review");
            case "escalateReview" -> exceptions.escalate(id, "SRE review");
            case "remindApproval" -> exceptions.remind(id, Role.LEADERSHIP, "leadership approval");
            case "escalateApproval" -> exceptions.escalate(id, "leadership approval");
            default -> throw new IllegalStateException("unknown sla-exception step");
        }
    }
}
