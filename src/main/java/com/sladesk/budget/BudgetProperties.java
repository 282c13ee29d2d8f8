package com.sladesk.budget;

import java.math.BigDecimal;

import com.sladesk.availability.BurnRate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sladesk.budget.*}: the burn-rate actions (SLA "Error Budget Burn Rates": 5x freezes, 10x
 * pages) with the window each is measured over, the watcher's switch, the daily stand-up's time
 * (a cron expression, business days only; the model reads it through {@code system/ProcessSchedules})
 * and who is paged.
 */
@ConfigurationProperties("sladesk.budget")
public record BudgetProperties(@DefaultValue("true") boolean watchEnabled, @DefaultValue("6h") String freezeWindow,
        @DefaultValue(BurnRate.FREEZE_RATE) BigDecimal freezeRate, @DefaultValue("1h") String pageWindow,
        @DefaultValue(BurnRate.ALL_HANDS_RATE) BigDecimal pageRate, @DefaultValue("0 30 9 ? * MON-FRI") String standupCron,
        @DefaultValue("sre-lead@sla-desk.example") String sreLeadEmail) {
}
