package com.sladesk.maintenance;

/** Names in {@code bpmn/maintenance/MaintenanceNotificationProcess.bpmn}. */
public final class MaintenanceNotificationProcess {

    public static final String KEY = "maintenance-notification";
    public static final String REMINDER_DUE = "TimerEvent_ReminderDue";
    public static final String WINDOW_STARTS = "TimerEvent_WindowStarts";
    public static final String WINDOW_ENDS = "TimerEvent_WindowEnds";
    public static final String END_COMPLETED = "EndEvent_MaintenanceCompleted";
    public static final String END_CANCELLED = "EndEvent_MaintenanceCancelled";

    public static final String MESSAGE_RESCHEDULED = "MaintenanceRescheduled";
    public static final String MESSAGE_CANCELLED = "MaintenanceCancelled";

    public static final String VAR_MAINTENANCE_ID = "maintenanceId";
    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_STARTS_AT = "startsAt";
    public static final String VAR_ENDS_AT = "endsAt";

    private MaintenanceNotificationProcess() {
    }
}
