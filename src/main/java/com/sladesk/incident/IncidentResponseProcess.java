package com.sladesk.incident;

/** Names in {@code bpmn/incident/IncidentResponseProcess.bpmn}, for code and tests. */
public final class IncidentResponseProcess {

    public static final String KEY = "incident-response";

    public static final String WAIT_FOR_ACKNOWLEDGEMENT = "ReceiveTask_WaitForAcknowledgement";
    public static final String WAIT_FOR_RESOLUTION = "ReceiveTask_WaitForResolution";
    public static final String WAIT_FOR_CUSTOMER = "Gateway_WaitForCustomer";
    public static final String POSTMORTEM_POLICY = "BusinessRuleTask_PostmortemPolicy";
    public static final String RESPONSE_BREACHING_SOON = "BoundaryEvent_ResponseBreachingSoon";
    public static final String RESPONSE_BREACHED = "BoundaryEvent_ResponseBreached";
    public static final String RESOLUTION_BREACHING_SOON = "BoundaryEvent_ResolutionBreachingSoon";
    public static final String RESOLUTION_BREACHED = "BoundaryEvent_ResolutionBreached";
    public static final String END_POSTMORTEM_REQUIRED = "EndEvent_PostmortemRequired";
    public static final String POSTMORTEM_DECISION = "postmortem-policy";
    public static final String END_CLOSED = "EndEvent_IncidentClosed";

    public static final String MESSAGE_ACKNOWLEDGED = "IncidentAcknowledged";
    public static final String MESSAGE_RESOLVED = "IncidentResolved";
    public static final String MESSAGE_RETARGETED = "IncidentRetargeted";
    public static final String MESSAGE_PAUSED = "IncidentPaused";
    public static final String MESSAGE_RESUMED = "IncidentResumed";

    public static final String VAR_INCIDENT_ID = "incidentId";
    public static final String VAR_SEVERITY = "severity";
    public static final String VAR_RESPONSE_WARN_AT = "responseWarnAt";
    public static final String VAR_RESPONSE_DUE_AT = "responseDueAt";
    public static final String VAR_RESOLUTION_WARN_AT = "resolutionWarnAt";
    public static final String VAR_RESOLUTION_DUE_AT = "resolutionDueAt";
    public static final String VAR_BUDGET_POLICY = "budgetPolicy";
    public static final String VAR_POSTMORTEM_DECISION = "postmortemDecision";

    private IncidentResponseProcess() {
    }
}
