package com.sladesk.calendar;

/** Which clock a target runs on. */
public enum SlaClock {
    /** Around the clock: 24×7. */
    CALENDAR,
    /** Only inside business hours; one business day is one working day's hours. */
    BUSINESS
}
