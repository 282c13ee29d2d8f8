package com.sladesk.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Configured times that process models read in their timer start events
 * ({@code ${schedules.reliabilityStandup}}). The engine evaluates them when it deploys, before
 * the feature modules' beans exist (and in every module test's engine), so this bean needs
 * nothing but configuration and lives in the shared module.
 */
@Component("schedules")
public class ProcessSchedules {

    private final String reliabilityStandup;

    ProcessSchedules(@Value("${sladesk.budget.standup-cron:0 30 9 ? * MON-FRI}") String reliabilityStandup) {
        this.reliabilityStandup = reliabilityStandup;
    }

    /** The daily reliability stand-up: a cron expression of the process engine (seconds first, {@code ?} in one day field). */
    public String getReliabilityStandup() {
        return reliabilityStandup;
    }
}
