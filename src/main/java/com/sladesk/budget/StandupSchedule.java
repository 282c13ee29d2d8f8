package com.sladesk.budget;

import org.springframework.stereotype.Component;

/**
 * The stand-up's time for the model's timer ({@code ${reliabilityStandup.cron}}), evaluated when
 * the process engine deploys: a bean that needs nothing else, so the engine can read it while it
 * starts.
 */
@Component("reliabilityStandup")
public class StandupSchedule {

    private final BudgetProperties properties;

    StandupSchedule(BudgetProperties properties) {
        this.properties = properties;
    }

    /** A cron expression of the process engine: seconds first, {@code ?} in one of the day fields. */
    public String getCron() {
        return properties.standupCron();
    }
}
