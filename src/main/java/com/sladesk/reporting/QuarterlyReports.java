package com.sladesk.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.credit.CreditRequestView;
import com.sladesk.credit.CreditService;
import com.sladesk.credit.CreditStatus;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.Severity;
import com.sladesk.notification.Attachment;
import com.sladesk.notification.Notifications;
import com.sladesk.postmortem.ActionItemStatus;
import com.sladesk.postmortem.ActionItemView;
import com.sladesk.postmortem.PostmortemService;
import com.sladesk.slaexception.ExceptionStatus;
import com.sladesk.slaexception.SlaExceptionService;
import com.sladesk.slo.SloPeriod;
import com.sladesk.slo.SloService;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.PdfDocument;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The SLA's "Quarterly Business Review": built, rendered as PDF and CSV, and mailed after each quarter. */
@Service
public class QuarterlyReports {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private final AvailabilityService availability;
    private final IncidentService incidents;
    private final CreditService credits;
    private final SlaExceptionService exceptions;
    private final PostmortemService postmortems;
    private final ComponentCatalogue catalogue;
    private final SloService slos;
    private final Notifications notifications;
    private final ITemplateEngine templates;
    private final Clock clock;
    private final List<String> distribution;

    QuarterlyReports(AvailabilityService availability, IncidentService incidents, CreditService credits,
            SlaExceptionService exceptions, PostmortemService postmortems, ComponentCatalogue catalogue, SloService slos,
            Notifications notifications, ITemplateEngine templates, Clock clock,
            @Value("${sladesk.report.distribution:leadership@sla-desk.example}") List<String> distribution) {
        this.availability = availability;
        this.incidents = incidents;
        this.credits = credits;
        this.exceptions = exceptions;
        this.postmortems = postmortems;
        this.catalogue = catalogue;
        this.slos = slos;
        this.notifications = notifications;
        this.templates = templates;
        this.clock = clock;
        this.distribution = distribution;
    }

    /** The first month of a quarter written {@code YYYY-Qn}; 400 naming {@code quarter} otherwise. */
    public static YearMonth firstMonth(String quarter) {
        Matcher m = QUARTER.matcher(quarter == null ? "" : quarter);
        if (!m.matches()) {
            throw new InvalidInputException("quarter", "format", "must be YYYY-Qn with n from 1 to 4, e.g. 2026-Q3");
        }
        return YearMonth.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1);
    }

    /** The quarter before the one {@code now} is in (the review the timer mails). */
    public static String previousQuarter(Instant now) {
        YearMonth first = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(3);
        return first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
    }

    @Transactional(readOnly = true)
    public QuarterlyReport build(String quarter) {
        YearMonth first = firstMonth(quarter);
        if (first.isAfter(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
            throw new com.sladesk.system.RuleViolationException("quarter", "future", quarter + " has not started yet");
        }
        Instant from = first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = first.plusMonths(3).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<YearMonth> months = List.of(first, first.plusMonths(1), first.plusMonths(2));
        List<QuarterlyReport.MonthLine> lines = new ArrayList<>();
        for (YearMonth month : months) {
            lines.add(line(month.toString(), availability.month(month)));
        }
        AvailabilityReport whole = availability.period(quarter, from, to);
        Instant now = clock.instant();
        List<IncidentView> opened = incidents.openedBetween(from, to);
        List<QuarterlyReport.SeverityLine> severities = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            List<IncidentView> these = opened.stream().filter(i -> i.severity() == severity).toList();
            List<Integer> perMonth = months.stream().map(m -> (int) these.stream()
                    .filter(i -> YearMonth.from(i.openedAt().atZone(ZoneOffset.UTC)).equals(m)).count()).toList();
            List<IncidentView> resolved = these.stream().filter(i -> i.resolvedAt() != null).toList();
            List<IncidentView> settled = these.stream().filter(i -> i.acknowledgedAt() != null || i.resolvedAt() != null
                    || !i.responseDueAt().isAfter(now)).toList();
            int inTime = (int) settled.stream().filter(i -> !i.responseBreached()).count();
            severities.add(new QuarterlyReport.SeverityLine(severity.name(), perMonth, these.size(),
                    (int) these.stream().filter(IncidentView::breached).count(), SloReportService.mttrMinutes(resolved),
                    settled.size(), inTime,
                    settled.isEmpty() ? null : BigDecimal.valueOf(100L * inTime)
                            .divide(BigDecimal.valueOf(settled.size()), 1, RoundingMode.HALF_UP)));
        }
        Map<String, Integer> causes = new TreeMap<>();
        opened.forEach(i -> causes.merge(i.cause() == null ? "not resolved" : i.cause().toString(), 1, Integer::sum));
        List<MonthlyReport.ComponentLine> top = catalogue.all().stream()
                .map(c -> new MonthlyReport.ComponentLine(c.name(), months.stream()
                        .map(m -> availability.componentDowntimeMinutes(m, c.code())).reduce(BigDecimal.ZERO, BigDecimal::add)))
                .filter(l -> l.downtimeMinutes().signum() > 0)
                .sorted(Comparator.comparing(MonthlyReport.ComponentLine::downtimeMinutes).reversed()).limit(5).toList();
        List<String> monthNames = months.stream().map(YearMonth::toString).toList();
        List<CreditRequestView> applied = credits.list(null).stream()
                .filter(c -> monthNames.contains(c.month()) && c.status() == CreditStatus.APPLIED).toList();
        Map<String, BigDecimal> paid = new TreeMap<>();
        applied.forEach(c -> paid.merge(c.currency(), c.creditAmount(), BigDecimal::add));
        LocalDate firstDay = first.atDay(1);
        LocalDate afterLast = first.plusMonths(3).atDay(1);
        List<String> exceptionLines = exceptions.list().stream()
                .filter(e -> EnumSet.of(ExceptionStatus.APPROVED, ExceptionStatus.ACTIVE, ExceptionStatus.EXPIRED)
                        .contains(e.status()))
                .filter(e -> e.startsOn().isBefore(afterLast) && !e.endsOn().isBefore(firstDay))
                .map(e -> "#" + e.id() + " " + e.title() + " (" + e.startsOn() + " – " + e.endsOn() + ", " + e.status() + ")")
                .toList();
        List<ActionItemView> due = postmortems.actionItemsDue(firstDay, afterLast);
        List<String> overdue = due.stream().filter(ActionItemView::overdue)
                .map(a -> "#" + a.incidentId() + " " + a.title() + " (" + a.owner() + ", due " + a.dueOn() + ")").toList();
        return new QuarterlyReport(quarter, now, whole.targetPercent(), lines, line(quarter, whole), severities, causes,
                top, applied.size(), paid, exceptionLines, due.size(),
                (int) due.stream().filter(a -> a.status() == ActionItemStatus.DONE).count(), overdue, slos.period(from, to));
    }

    private static QuarterlyReport.MonthLine line(String period, AvailabilityReport a) {
        return new QuarterlyReport.MonthLine(period, a.availabilityPercent(), a.downtimeMinutes(), a.errorBudgetMinutes(),
                a.errorBudgetRemainingMinutes(), a.errorBudgetRemainingPercent(), a.status().name(), a.policy().name());
    }

    public byte[] pdf(QuarterlyReport report) {
        return PdfDocument.render(templates.process("report/quarter-pdf", new Context(Locale.ENGLISH, Map.of("report", report))),
                "quarterly review");
    }

    public String csv(QuarterlyReport r) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("section", "item", "value").get())) {
            csv.printRecord("availability", "target percent", r.targetPercent());
            for (QuarterlyReport.MonthLine m : concat(r.months(), r.total())) {
                csv.printRecord("availability " + m.period(), "percent", m.availabilityPercent());
                csv.printRecord("availability " + m.period(), "downtime minutes", m.downtimeMinutes());
                csv.printRecord("availability " + m.period(), "budget minutes", m.errorBudgetMinutes());
                csv.printRecord("availability " + m.period(), "budget remaining minutes", m.errorBudgetRemainingMinutes());
                csv.printRecord("availability " + m.period(), "budget remaining percent", m.errorBudgetRemainingPercent());
                csv.printRecord("availability " + m.period(), "policy", m.policy());
            }
            for (QuarterlyReport.SeverityLine s : r.severities()) {
                for (int i = 0; i < r.months().size(); i++) {
                    csv.printRecord("incidents " + s.severity(), "opened " + r.months().get(i).period(), s.perMonth().get(i));
                }
                csv.printRecord("incidents " + s.severity(), "count", s.count());
                csv.printRecord("incidents " + s.severity(), "breached", s.breached());
                csv.printRecord("incidents " + s.severity(), "mttr minutes", s.mttrMinutes() == null ? "" : s.mttrMinutes());
                csv.printRecord("incidents " + s.severity(), "response attainment percent",
                        s.responseAttainmentPercent() == null ? "" : s.responseAttainmentPercent());
            }
            for (Map.Entry<String, Integer> cause : r.causes().entrySet()) {
                csv.printRecord("incidents by cause", cause.getKey(), cause.getValue());
            }
            for (MonthlyReport.ComponentLine c : r.topComponents()) {
                csv.printRecord("top components", SloReportService.text(c.component()), c.downtimeMinutes());
            }
            csv.printRecord("credits", "applied", r.creditsApplied());
            for (Map.Entry<String, BigDecimal> total : r.creditsPaid().entrySet()) {
                csv.printRecord("credits", "paid " + total.getKey(), total.getValue());
            }
            for (String e : r.exceptions()) {
                csv.printRecord("exceptions", SloReportService.text(e), "");
            }
            csv.printRecord("action items", "due", r.actionItemsDue());
            csv.printRecord("action items", "done", r.actionItemsDone());
            for (String a : r.actionItemsOverdue()) {
                csv.printRecord("action items overdue", SloReportService.text(a), "");
            }
            for (SloPeriod slo : r.slos()) {
                csv.printRecord("slo " + slo.name(), "target percent", slo.target());
                csv.printRecord("slo " + slo.name(), "sli percent", slo.sli() == null ? "" : slo.sli());
                csv.printRecord("slo " + slo.name(), "budget consumed percent",
                        slo.budgetConsumedPercent() == null ? "" : slo.budgetConsumedPercent());
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static List<QuarterlyReport.MonthLine> concat(List<QuarterlyReport.MonthLine> months, QuarterlyReport.MonthLine total) {
        List<QuarterlyReport.MonthLine> all = new ArrayList<>(months);
        all.add(total);
        return all;
    }

    /** Mails the quarter's review, PDF attached, to the distribution list. */
    @Transactional
    public void send(String quarter) {
        QuarterlyReport report = build(quarter);
        Attachment pdf = Attachment.binary("quarterly-review-" + quarter + ".pdf", "application/pdf", pdf(report));
        String subject = "Quarterly business review " + quarter + ": " + report.total().availabilityPercent() + "% (target "
                + report.targetPercent() + "%)";
        for (String recipient : distribution) {
            notifications.queue(recipient, subject, "message", Map.of("heading", subject, "lines", List.of(
                    "Quarter's error budget: " + report.total().errorBudgetRemainingPercent() + "% left of "
                            + report.total().errorBudgetMinutes() + " minutes.",
                    "The full review is attached; the review meeting's notes go in the \"Review held\" task.")),
                    List.of(pdf));
        }
    }
}
