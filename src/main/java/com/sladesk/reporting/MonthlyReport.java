package com.sladesk.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sladesk.slo.SloPeriod;

/** The SLA's "Monthly SLO Report" contents for one month. */
public record MonthlyReport(String month, Instant generatedAt, BigDecimal targetPercent, BigDecimal availabilityPercent,
        String status, BigDecimal errorBudgetMinutes, BigDecimal errorBudgetConsumedMinutes,
        BigDecimal errorBudgetRemainingMinutes, BigDecimal errorBudgetRemainingPercent, String policy,
        List<SeverityLine> incidents, List<ComponentLine> topIssues, int creditsRequested, int creditsApproved,
        Map<String, BigDecimal> creditTotals, List<String> maintenanceHeld, List<String> exceptionsActive,
        List<SloPeriod> slos, List<String> actionItemsOverdue) {

    /** Incidents of one severity opened in the month: how many, how many breached a target, mean time to recovery. */
    public record SeverityLine(String severity, int count, int breached, BigDecimal mttrMinutes) {
    }

    /** A component and its downtime minutes in the month. */
    public record ComponentLine(String component, BigDecimal downtimeMinutes) {
    }
}
