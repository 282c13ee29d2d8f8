package com.sladesk.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.sladesk.postmortem.PostmortemService;
import com.sladesk.system.PdfDocument;
import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.credit.CreditRequestView;
import com.sladesk.credit.CreditService;
import com.sladesk.credit.CreditStatus;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.Severity;
import com.sladesk.maintenance.MaintenanceService;
import com.sladesk.maintenance.MaintenanceStatus;
import com.sladesk.notification.Attachment;
import com.sladesk.notification.Notifications;
import com.sladesk.slo.SloPeriod;
import com.sladesk.slo.SloService;
import com.sladesk.slaexception.ExceptionStatus;
import com.sladesk.slaexception.SlaExceptionService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The SLA's "Monthly SLO Report": availability against the target, the error budget, incidents
 * by severity with breaches and MTTR, the components with most downtime, credits, maintenance and
 * exceptions; as a page, a PDF and a CSV, and mailed to the distribution list.
 */
@Service
@Transactional(readOnly = true)
public class SloReportService {

    private final AvailabilityService availability;
    private final IncidentService incidents;
    private final CreditService credits;
    private final MaintenanceService maintenance;
    private final SlaExceptionService exceptions;
    private final ComponentCatalogue catalogue;
    private final Notifications notifications;
    private final SloService slos;
    private final ITemplateEngine templates;
    private final Clock clock;
    private final List<String> distribution;
    private final PostmortemService postmortems;

    SloReportService(PostmortemService postmortems, AvailabilityService availability, IncidentService incidents, CreditService credits,
            MaintenanceService maintenance, SlaExceptionService exceptions, ComponentCatalogue catalogue,
            Notifications notifications, SloService slos, ITemplateEngine templates, Clock clock,
            @Value("${sladesk.report.distribution:leadership@sla-desk.example}") List<String> distribution) {
        this.postmortems = postmortems;
        this.availability = availability;
        this.incidents = incidents;
        this.credits = credits;
        this.maintenance = maintenance;
        this.exceptions = exceptions;
        this.catalogue = catalogue;
        this.notifications = notifications;
        this.slos = slos;
        this.templates = templates;
        this.clock = clock;
        this.distribution = distribution;
    }

    public MonthlyReport build(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        AvailabilityReport a = availability.month(month);
        List<IncidentView> opened = incidents.openedBetween(from, to);
        List<MonthlyReport.SeverityLine> bySeverity = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            List<IncidentView> these = opened.stream().filter(i -> i.severity() == severity).toList();
            List<IncidentView> resolved = these.stream().filter(i -> i.resolvedAt() != null).toList();
            bySeverity.add(new MonthlyReport.SeverityLine(severity.name(), these.size(),
                    (int) these.stream().filter(IncidentView::breached).count(), mttrMinutes(resolved)));
        }
        List<MonthlyReport.ComponentLine> top = catalogue.all().stream()
                .map(c -> new MonthlyReport.ComponentLine(c.name(), availability.componentDowntimeMinutes(month, c.code())))
                .filter(l -> l.downtimeMinutes().signum() > 0)
                .sorted(Comparator.comparing(MonthlyReport.ComponentLine::downtimeMinutes).reversed()).limit(5).toList();
        List<CreditRequestView> claims = credits.list(null).stream().filter(c -> c.month().equals(month.toString())).toList();
        Map<String, BigDecimal> totals = new TreeMap<>();
        claims.stream().filter(c -> c.status() == CreditStatus.APPLIED)
                .forEach(c -> totals.merge(c.currency(), c.creditAmount(), BigDecimal::add));
        List<String> held = maintenance.between(from, to).stream()
                .filter(m -> m.status() == MaintenanceStatus.COMPLETED || m.status() == MaintenanceStatus.IN_PROGRESS)
                .map(m -> m.title() + " (" + m.startsAt() + ")").toList();
        List<String> active = exceptions.list().stream()
                .filter(e -> EnumSet.of(ExceptionStatus.APPROVED, ExceptionStatus.ACTIVE, ExceptionStatus.EXPIRED)
                        .contains(e.status()))
                .filter(e -> !e.startsOn().isAfter(month.atEndOfMonth()) && !e.endsOn().isBefore(month.atDay(1)))
                .map(e -> "#" + e.id() + " " + e.title() + " (" + e.startsOn() + " – " + e.endsOn() + ")").toList();
        return new MonthlyReport(month.toString(), clock.instant(), a.targetPercent(), a.availabilityPercent(),
                a.status().name(), a.errorBudgetMinutes(), a.downtimeMinutes(), a.errorBudgetRemainingMinutes(),
                a.errorBudgetRemainingPercent(), a.policy().name(), bySeverity, top, claims.size(),
                (int) claims.stream().filter(c -> c.status() == CreditStatus.APPLIED).count(), totals, held, active,
                slos.period(from, to), overdueAtEndOf(to));
    }

    /** Postmortem action items still open after their due day, at the month's end (or now, for this month). */
    private List<String> overdueAtEndOf(Instant monthEnd) {
        Instant now = clock.instant();
        return postmortems.overdueActionItems(monthEnd.isBefore(now) ? monthEnd : now).stream()
                .map(a -> "#" + a.incidentId() + " " + a.title() + " (" + a.owner() + ", due " + a.dueOn() + ", "
                        + a.status() + ")").toList();
    }

    /** Mean time to recovery of resolved incidents, in minutes to 1 decimal (null for none). */
    static BigDecimal mttrMinutes(List<IncidentView> resolved) {
        return resolved.isEmpty() ? null : BigDecimal.valueOf(resolved.stream()
                .mapToLong(i -> Duration.between(i.openedAt(), i.resolvedAt()).toSeconds()).sum())
                .divide(BigDecimal.valueOf(60L * resolved.size()), 1, RoundingMode.HALF_UP);
    }

    /** A month a report can be asked for: YYYY-MM (400 naming {@code field}), not in the future (422). */
    public YearMonth reportableMonth(String month, String field) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        }
        catch (java.time.format.DateTimeParseException e) {
            throw new com.sladesk.system.InvalidInputException(field, "format", "'" + month + "' is not a month (YYYY-MM)");
        }
        if (parsed.isAfter(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
            throw new com.sladesk.system.RuleViolationException(field, "future", month + " has not started yet");
        }
        return parsed;
    }

    public byte[] pdf(MonthlyReport report) {
        return PdfDocument.render(templates.process("report/pdf", new Context(Locale.ENGLISH, Map.of("report", report))),
                "SLO report");
    }

    public String csv(MonthlyReport r) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("section", "item", "value").get())) {
            csv.printRecord("availability", "target percent", r.targetPercent());
            csv.printRecord("availability", "actual percent", r.availabilityPercent());
            csv.printRecord("availability", "status", r.status());
            csv.printRecord("error budget", "minutes", r.errorBudgetMinutes());
            csv.printRecord("error budget", "consumed minutes", r.errorBudgetConsumedMinutes());
            csv.printRecord("error budget", "remaining minutes", r.errorBudgetRemainingMinutes());
            csv.printRecord("error budget", "remaining percent", r.errorBudgetRemainingPercent());
            csv.printRecord("error budget", "policy", r.policy());
            for (MonthlyReport.SeverityLine line : r.incidents()) {
                csv.printRecord("incidents " + line.severity(), "count", line.count());
                csv.printRecord("incidents " + line.severity(), "breached", line.breached());
                csv.printRecord("incidents " + line.severity(), "mttr minutes", line.mttrMinutes() == null ? "" : line.mttrMinutes());
            }
            for (MonthlyReport.ComponentLine line : r.topIssues()) {
                csv.printRecord("top reliability issues", text(line.component()), line.downtimeMinutes());
            }
            csv.printRecord("credits", "requested", r.creditsRequested());
            csv.printRecord("credits", "approved", r.creditsApproved());
            for (Map.Entry<String, BigDecimal> total : r.creditTotals().entrySet()) {
                csv.printRecord("credits", "total " + total.getKey(), total.getValue());
            }
            for (String held : r.maintenanceHeld()) {
                csv.printRecord("maintenance held", text(held), "");
            }
            for (String exception : r.exceptionsActive()) {
                csv.printRecord("exceptions active", text(exception), "");
            }
            for (String item : r.actionItemsOverdue()) {
                csv.printRecord("action items overdue", text(item), "");
            }
            for (SloPeriod slo : r.slos()) {
                csv.printRecord("slo " + slo.name(), "target percent", slo.target());
                csv.printRecord("slo " + slo.name(), "sli percent", slo.sli() == null ? "" : slo.sli());
                csv.printRecord("slo " + slo.name(), "total events", slo.totalEvents());
                csv.printRecord("slo " + slo.name(), "budget consumed percent",
                        slo.budgetConsumedPercent() == null ? "" : slo.budgetConsumedPercent());
                csv.printRecord("slo " + slo.name(), "minutes without data", slo.noDataMinutes());
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * Text a person typed, as a CSV cell: a spreadsheet runs a cell that starts with = + - @, a tab
     * or a carriage return as a formula, so such text starts with an apostrophe instead.
     */
    static String text(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** Mails the month's report, PDF attached, to the distribution list. */
    @Transactional
    public void send(YearMonth month) {
        MonthlyReport report = build(month);
        Attachment pdf = Attachment.binary("slo-report-" + month + ".pdf", "application/pdf", pdf(report));
        String subject = "Monthly SLO report " + month + ": " + report.availabilityPercent() + "% (target "
                + report.targetPercent() + "%)";
        for (String recipient : distribution) {
            notifications.queue(recipient, subject, "message", Map.of("heading", subject, "lines", List.of(
                    "Error budget: " + report.errorBudgetRemainingPercent() + "% left (" + report.policy() + ").",
                    "The full report is attached.")), List.of(pdf));
        }
    }

    /** The month before the given instant (the report the 1st of each month sends). */
    public static YearMonth previousMonth(Instant now) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(1);
    }
}
