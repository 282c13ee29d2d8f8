package com.sladesk.oncall;

/** Names in {@code bpmn/oncall/EscalationChainProcess.bpmn}, for code and tests. */
public final class EscalationChainProcess {

    public static final String KEY = "escalation-chain";
    public static final String LEVEL_DUE = "TimerEvent_LevelDue";
    public static final String VAR_CHAIN = "chain";
    public static final String VAR_STEP = "escalationStep";
    public static final String VAR_STEP_COUNT = "escalationStepCount";
    public static final String VAR_STEPS = "escalationSteps";
    public static final String VAR_POLICY = "escalationPolicy";
    public static final String VAR_NEXT_PAGE_AT = "nextPageAt";

    private EscalationChainProcess() {
    }
}
