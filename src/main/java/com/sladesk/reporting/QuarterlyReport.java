package com.sladesk.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sladesk.slo.SloPeriod;

/**
 * The SLA's "Quarterly Business Review" contents for one quarter: availability per month and for
 * the quarter against the quarter's own budget, incident trends by severity and cause, MTTR and
 * response-time attainment per severity, credits paid, the components that cost the most
 * downtime, exceptions, postmortem action items due in the quarter (done and overdue), and the
 * request-based SLOs.
 */
public record QuarterlyReport(String quarter, Instant generatedAt, BigDecimal targetPercent, List<MonthLine> months,
        MonthLine total, List<SeverityLine> severities, Map<String, Integer> causes,
        List<MonthlyReport.ComponentLine> topComponents, int creditsApplied, Map<String, BigDecimal> creditsPaid,
        List<String> exceptions, int actionItemsDue, int actionItemsDone, List<String> actionItemsOverdue,
        List<SloPeriod> slos) {

    /** A month, or the whole quarter: availability, downtime, the period's budget and what is left of it. */
    public record MonthLine(String period, BigDecimal availabilityPercent, BigDecimal downtimeMinutes,
            BigDecimal errorBudgetMinutes, BigDecimal errorBudgetRemainingMinutes, BigDecimal errorBudgetRemainingPercent,
            String status, String policy) {
    }

    /**
     * Incidents of one severity opened in the quarter: per month, in all, breached, mean time to
     * recovery of the resolved ones, and how many of those whose response is settled were
     * answered within the response target (percent; null when none is settled).
     */
    public record SeverityLine(String severity, List<Integer> perMonth, int count, int breached, BigDecimal mttrMinutes,
            int responseSettled, int respondedInTime, BigDecimal responseAttainmentPercent) {
    }
}
