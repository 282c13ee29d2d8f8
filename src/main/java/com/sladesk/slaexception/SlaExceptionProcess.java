package com.sladesk.slaexception;

/** Names in {@code bpmn/slaexception/SlaExceptionProcess.bpmn}. */
public final class SlaExceptionProcess {

    public static final String KEY = "sla-exception";
    public static final String REVIEW = "UserTask_ReviewException";
    public static final String REVISE = "UserTask_ReviseRequest";
    public static final String APPROVE = "UserTask_ApproveException";
    public static final String REVIEW_REMINDER = "BoundaryEvent_ReviewReminder";
    public static final String REVIEW_ESCALATION = "BoundaryEvent_ReviewEscalation";
    public static final String APPROVAL_REMINDER = "BoundaryEvent_ApprovalReminder";
    public static final String APPROVAL_ESCALATION = "BoundaryEvent_ApprovalEscalation";
    public static final String STARTS = "TimerEvent_ExceptionStarts";
    public static final String ENDS = "TimerEvent_ExceptionEnds";
    public static final String END_EXPIRED = "EndEvent_ExceptionExpired";
    public static final String END_REJECTED = "EndEvent_ExceptionRejected";

    static final String VAR_EXCEPTION_ID = "exceptionId";
    static final String VAR_REQUESTED_BY = "requestedBy";
    static final String VAR_REVIEW_OUTCOME = "reviewOutcome";
    static final String VAR_APPROVED = "approved";

    private SlaExceptionProcess() {
    }
}
