package com.sladesk.budget;

/** Names in {@code bpmn/budget/*.bpmn}, for code and tests. */
public final class BudgetProcesses {

    public static final String RECOVERY = "budget-recovery";
    public static final String STANDUP = "reliability-standup";
    public static final String STANDUP_TIMER = "StartEvent_StandupTime";
    public static final String END_STANDUP_SENT = "EndEvent_StandupSent";
    public static final String END_NO_STANDUP = "EndEvent_NoStandup";

    static final String VAR_MONTH = "month";
    static final String VAR_TIER = "tier";

    private BudgetProcesses() {
    }
}
