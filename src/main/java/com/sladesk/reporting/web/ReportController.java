package com.sladesk.reporting.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentStatus;
import com.sladesk.reporting.MonthlyReport;
import com.sladesk.reporting.QuarterlyReports;
import com.sladesk.reporting.QuarterlyReview;
import com.sladesk.reporting.SloReportService;
import com.sladesk.slo.SloPeriod;
import com.sladesk.slo.SloService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monthly SLO report as a page, PDF and CSV, and the SLO dashboard. */
@Controller
class ReportController {

    static final String REPORT = "report/report";
    static final String DASHBOARD = "report/dashboard";

    private final SloReportService reports;
    private final AvailabilityService availability;
    private final IncidentService incidents;
    private final SloService slos;
    private final Clock clock;
    private final QuarterlyReports quarterly;
    private final QuarterlyReview review;

    ReportController(QuarterlyReports quarterly, QuarterlyReview review, SloReportService reports, AvailabilityService availability, IncidentService incidents,
            SloService slos, Clock clock) {
        this.quarterly = quarterly;
        this.review = review;
        this.reports = reports;
        this.availability = availability;
        this.incidents = incidents;
        this.slos = slos;
        this.clock = clock;
    }

    static final String QUARTER_PATTERN = "{quarter:\\d{4}-Q[1-4]}";

    @GetMapping("/reports/" + QUARTER_PATTERN)
    String quarter(@PathVariable String quarter, Model model, org.springframework.security.core.Authentication user) {
        model.addAttribute("report", quarterly.build(quarter));
        model.addAttribute("held", review.held(quarter).orElse(null));
        model.addAttribute("awaitsReview", review.awaitsReview(quarter, user.getName()));
        return "report/quarter";
    }

    @GetMapping("/reports/" + QUARTER_PATTERN + ".pdf")
    ResponseEntity<byte[]> quarterPdf(@PathVariable String quarter) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=quarterly-review-" + quarter + ".pdf")
                .body(quarterly.pdf(quarterly.build(quarter)));
    }

    @GetMapping("/reports/" + QUARTER_PATTERN + ".csv")
    ResponseEntity<String> quarterCsv(@PathVariable String quarter) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=quarterly-review-" + quarter + ".csv")
                .body(quarterly.csv(quarterly.build(quarter)));
    }

    /** Leadership's "review held" task, completed with the meeting's notes. */
    @PostMapping("/reports/" + QUARTER_PATTERN + "/review")
    String held(@PathVariable String quarter, @org.springframework.web.bind.annotation.RequestParam(required = false) String notes,
            org.springframework.security.core.Authentication user, RedirectAttributes redirect) {
        try {
            review.hold(quarter, notes, user.getName());
            redirect.addFlashAttribute("message", "The review of " + quarter + " is recorded as held.");
        }
        catch (com.sladesk.system.FieldRuleException | com.sladesk.system.ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reports/" + quarter;
    }

    @GetMapping("/reports/{month:\\d{4}-\\d{2}}")
    String page(@PathVariable String month, Model model) {
        model.addAttribute("report", reports.build(parse(month)));
        return REPORT;
    }

    @GetMapping("/reports/{month:\\d{4}-\\d{2}}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String month) {
        MonthlyReport report = reports.build(parse(month));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=slo-report-" + month + ".pdf")
                .body(reports.pdf(report));
    }

    @GetMapping("/reports/{month:\\d{4}-\\d{2}}.csv")
    ResponseEntity<String> csv(@PathVariable String month) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=slo-report-" + month + ".csv")
                .body(reports.csv(reports.build(parse(month))));
    }

    @PostMapping("/reports/{month:\\d{4}-\\d{2}}/send")
    String send(@PathVariable String month, RedirectAttributes redirect) {
        reports.send(parse(month));
        redirect.addFlashAttribute("message", "The " + month + " report was sent to the distribution list.");
        return "redirect:/reports/" + month;
    }

    @GetMapping("/slo")
    String dashboard(Model model) {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        AvailabilityService.MonthAndRolling both = availability.monthAndRollingToShow(month);
        Map<LocalDate, BigDecimal> daily = availability.daily(month.atDay(1), month.plusMonths(1).atDay(1), null);
        List<String> days = new ArrayList<>();
        List<BigDecimal> dailyAvailability = new ArrayList<>();
        List<BigDecimal> budgetUsed = new ArrayList<>();
        BigDecimal used = BigDecimal.ZERO;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Map.Entry<LocalDate, BigDecimal> day : daily.entrySet()) {
            if (day.getKey().isAfter(today)) {
                break;
            }
            days.add(day.getKey().toString());
            dailyAvailability.add(day.getValue());
            // a day's downtime minutes: (100 − availability)% of 1,440
            used = used.add(BigDecimal.valueOf(100).subtract(day.getValue()).multiply(BigDecimal.valueOf(14.4)));
            budgetUsed.add(used.setScale(1, RoundingMode.HALF_UP));
        }
        model.addAttribute("month", both.month());
        model.addAttribute("rolling", both.rolling30Days());
        model.addAttribute("days", days);
        model.addAttribute("dailyAvailability", dailyAvailability);
        model.addAttribute("budgetUsed", budgetUsed);
        model.addAttribute("open", incidents.list(List.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED), null, 100));
        model.addAttribute("lastMonth", month.minusMonths(1).toString());
        model.addAttribute("slos", slos.statuses());
        model.addAttribute("sloViews", slos.list());
        // the quarter and the year so far, each against its own budget (its length × 0.1%)
        int quarter = (month.getMonthValue() - 1) / 3;
        YearMonth quarterStart = YearMonth.of(month.getYear(), quarter * 3 + 1);
        Instant qFrom = quarterStart.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant qTo = quarterStart.plusMonths(3).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant yFrom = YearMonth.of(month.getYear(), 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant yTo = YearMonth.of(month.getYear() + 1, 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String quarterName = month.getYear() + "-Q" + (quarter + 1);
        model.addAttribute("periods", List.of(
                new PeriodView(quarterName, availability.period(quarterName, qFrom, qTo), slos.period(qFrom, qTo)),
                new PeriodView(Integer.toString(month.getYear()),
                        availability.period(Integer.toString(month.getYear()), yFrom, yTo), slos.period(yFrom, yTo))));
        return DASHBOARD;
    }

    /** A quarter or a year: the incident-based availability against the period's budget, and every SLO over it. */
    record PeriodView(String name, AvailabilityReport availability, List<SloPeriod> slos) {
    }

    private YearMonth parse(String month) {
        return reports.reportableMonth(month, "month");
    }
}
