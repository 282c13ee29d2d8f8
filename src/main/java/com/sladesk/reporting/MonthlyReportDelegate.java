package com.sladesk.reporting;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The timer of {@code monthly-slo-report} fired: mail last month's report. */
@Component("sendReportDelegate")
class MonthlyReportDelegate implements JavaDelegate {

    private final SloReportService reports;
    private final Clock clock;

    MonthlyReportDelegate(SloReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.send(SloReportService.previousMonth(clock.instant()));
    }
}
