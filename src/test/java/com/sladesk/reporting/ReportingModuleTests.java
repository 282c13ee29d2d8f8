package com.sladesk.reporting;

import java.time.YearMonth;

import com.sladesk.SlaDeskModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Reporting with the modules it reads: a month's report against the configured target, as PDF and CSV. */
@SlaDeskModuleTest
class ReportingModuleTests {

    @Autowired
    SloReportService reports;

    @Test
    void buildsAMonthsReportInEveryFormat() {
        MonthlyReport report = reports.build(YearMonth.of(2018, 3));
        assertThat(report.targetPercent()).isEqualByComparingTo("99.9");
        assertThat(reports.pdf(report)).startsWith("%PDF".getBytes());
        assertThat(reports.csv(report)).contains("availability,target percent,99.9");
    }
}
