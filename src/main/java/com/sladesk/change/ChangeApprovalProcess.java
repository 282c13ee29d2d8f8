package com.sladesk.change;

/** Names in {@code bpmn/change/ChangeApprovalProcess.bpmn}. */
public final class ChangeApprovalProcess {

    public static final String KEY = "change-approval";
    public static final String APPLY_POLICY = "BusinessRuleTask_ApplyPolicy";
    public static final String CTO_APPROVAL = "UserTask_CtoApproval";
    public static final String END_CTO_DECIDED = "EndEvent_CtoDecided";
    public static final String END_POLICY_DECIDED = "EndEvent_PolicyDecided";

    /** The decision table the business-rule task evaluates. */
    public static final String POLICY_DECISION = "change-policy";

    public static final String VAR_CHANGE_ID = "changeId";
    public static final String VAR_POLICY = "policy";
    public static final String VAR_KIND = "kind";
    public static final String VAR_HAS_TESTING_EVIDENCE = "hasTestingEvidence";
    public static final String VAR_APPROVED_THIS_WEEK = "approvedThisWeek";
    public static final String VAR_WEEKLY_DEPLOYMENTS = "weeklyDeployments";
    public static final String VAR_NAMES_OPEN_OR_RECENT_P1 = "namesOpenOrRecentP1";
    public static final String VAR_BURN_RATE_FREEZE = "burnRateFreeze";
    public static final String VAR_BURN_RATE_REASON = "burnRateReason";
    public static final String VAR_FREEZE_EXEMPTED = "freezeExempted";
    public static final String VAR_EXEMPTION_REASON = "exemptionReason";
    /** The table's single result: {@code decision} and {@code reason}. */
    public static final String VAR_POLICY_RESULT = "policyResult";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_REASON = "reason";
    public static final String VAR_APPROVED = "approved";

    private ChangeApprovalProcess() {
    }
}
