package com.sladesk.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.sladesk.reporting.MonthlyReport;
import com.sladesk.reporting.QuarterlyReport;
import com.sladesk.reporting.QuarterlyReports;
import com.sladesk.reporting.SloReportService;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.RuleViolationException;
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

    private static final String MONTH = "/api/reports/{month:\\d{4}-\\d{2}}";
    private static final String QUARTER = "/api/reports/{quarter:\\d{4}-Q[1-4]}";
    private static final String CSV = "text/csv";

    private final SloReportService monthly;
    private final QuarterlyReports quarterly;
    private final Clock clock;

    ReportApiController(SloReportService monthly, QuarterlyReports quarterly, Clock clock) {
        this.monthly = monthly;
        this.quarterly = quarterly;
        this.clock = clock;
    }

    @GetMapping(path = MONTH, produces = MediaType.APPLICATION_JSON_VALUE)
    MonthlyReport month(@PathVariable String month) {
        return monthly.build(parse(month));
    }

    @GetMapping(path = MONTH, produces = CSV)
    ResponseEntity<String> monthCsv(@PathVariable String month) {
        return csv(monthly.csv(monthly.build(parse(month))), "slo-report-" + month);
    }

    @GetMapping(path = MONTH, produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> monthPdf(@PathVariable String month) {
        return pdf(monthly.pdf(monthly.build(parse(month))), "slo-report-" + month);
    }

    @GetMapping(path = QUARTER, produces = MediaType.APPLICATION_JSON_VALUE)
    QuarterlyReport quarter(@PathVariable String quarter) {
        return quarterly.build(quarter);
    }

    @GetMapping(path = QUARTER, produces = CSV)
    ResponseEntity<String> quarterCsv(@PathVariable String quarter) {
        return csv(quarterly.csv(quarterly.build(quarter)), "quarterly-review-" + quarter);
    }

    @GetMapping(path = QUARTER, produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> quarterPdf(@PathVariable String quarter) {
        return pdf(quarterly.pdf(quarterly.build(quarter)), "quarterly-review-" + quarter);
    }

    private static ResponseEntity<String> csv(String body, String name) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + name + ".csv").body(body);
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=" + name + ".pdf").body(body);
    }

    private YearMonth parse(String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        }
        catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "format", "'" + month + "' is not a month (YYYY-MM)");
        }
        if (parsed.isAfter(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
            throw new RuleViolationException("month", "future", month + " has not started yet");
        }
        return parsed;
    }
}
