package com.sladesk.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import com.sladesk.reporting.QuarterlyReports;
import com.sladesk.reporting.SloReportService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly SLO report and the quarterly business review for scripts and API tokens: JSON by
 * default, CSV for {@code Accept: text/csv}, PDF for {@code Accept: application/pdf}; the same
 * roles as the pages.
 */
@RestController
class ReportApiController {

    private static final String PERIOD = "/api/reports/{period}";
    private static final String CSV = "text/csv";

    private final SloReportService monthly;
    private final QuarterlyReports quarterly;

    ReportApiController(SloReportService monthly, QuarterlyReports quarterly) {
        this.monthly = monthly;
        this.quarterly = quarterly;
    }

    /** A month (YYYY-MM): the monthly SLO report; a quarter (YYYY-Qn): the quarterly business review. */
    @GetMapping(path = PERIOD, produces = MediaType.APPLICATION_JSON_VALUE)
    Object report(@PathVariable String period) {
        return isQuarter(period) ? quarterly.build(period) : monthly.build(parse(period));
    }

    @GetMapping(path = PERIOD, produces = CSV)
    ResponseEntity<String> reportCsv(@PathVariable String period) {
        return isQuarter(period) ? csv(quarterly.csv(quarterly.build(period)), "quarterly-review-" + period)
                : csv(monthly.csv(monthly.build(parse(period))), "slo-report-" + period);
    }

    @GetMapping(path = PERIOD, produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> reportPdf(@PathVariable String period) {
        return isQuarter(period) ? pdf(quarterly.pdf(quarterly.build(period)), "quarterly-review-" + period)
                : pdf(monthly.pdf(monthly.build(parse(period))), "slo-report-" + period);
    }

    private static boolean isQuarter(String period) {
        return period.matches("\\d{4}-Q[1-4]");
    }

    private static ResponseEntity<String> csv(String body, String name) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + name + ".csv").body(body);
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=" + name + ".pdf").body(body);
    }

    private YearMonth parse(String period) {
        return monthly.reportableMonth(period, "period");
    }
}
