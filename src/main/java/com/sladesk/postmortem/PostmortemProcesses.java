package com.sladesk.postmortem;

/** Names in {@code bpmn/postmortem/*.bpmn}, for code and tests. */
public final class PostmortemProcesses {

    public static final String REVIEW = "postmortem-review";
    public static final String WRITE = "UserTask_WritePostmortem";
    public static final String REVIEW_TASK = "UserTask_ReviewPostmortem";
    public static final String REMINDER = "BoundaryEvent_PostmortemReminder";
    public static final String OVERDUE = "BoundaryEvent_PostmortemOverdue";
    public static final String END_APPROVED = "EndEvent_PostmortemApproved";

    public static final String ACTION_ITEM = "postmortem-action-item";
    public static final String DO_ACTION_ITEM = "UserTask_DoActionItem";
    public static final String ACTION_ITEM_REMINDER = "BoundaryEvent_ActionItemReminder";
    public static final String ACTION_ITEM_OVERDUE = "BoundaryEvent_ActionItemOverdue";
    public static final String END_ACTION_ITEM_DONE = "EndEvent_ActionItemDone";

    static final String VAR_INCIDENT_ID = "incidentId";
    static final String VAR_ACTION_ITEM_ID = "actionItemId";
    static final String VAR_DUE_AT = "dueAt";
    static final String VAR_REMIND_AT = "remindAt";
    static final String VAR_APPROVED = "approved";
    static final String VAR_TITLE = "title";
    static final String VAR_OWNER = "owner";

    private PostmortemProcesses() {
    }
}
