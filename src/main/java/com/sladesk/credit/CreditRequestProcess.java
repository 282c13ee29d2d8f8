package com.sladesk.credit;

/** Names in {@code bpmn/credit/CreditRequestProcess.bpmn}. */
public final class CreditRequestProcess {

    public static final String KEY = "credit-request";
    public static final String VERIFY = "UserTask_VerifySlaViolation";
    public static final String REMINDER_DUE = "BoundaryEvent_ReminderDue";
    public static final String DECISION_OVERDUE = "BoundaryEvent_DecisionOverdue";
    public static final String END_APPLIED = "EndEvent_CreditApplied";
    public static final String END_REJECTED = "EndEvent_ClaimRejected";

    public static final String VAR_CREDIT_REQUEST_ID = "creditRequestId";
    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_DECISION_DUE_AT = "decisionDueAt";
    public static final String VAR_APPROVED = "approved";

    private CreditRequestProcess() {
    }
}
