package com.sladesk.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sladesk.system.PdfDocument;
import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.Exclusion;
import com.sladesk.contract.CustomerSla;
import com.sladesk.contract.PlanTerms;
import com.sladesk.credit.CreditRequestView;
import com.sladesk.credit.CreditService;
import com.sladesk.credit.CreditTiers;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.notification.Attachment;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Each organisation's SLA statement for a month: availability over its components against its
 * plan, each downtime interval with its incident, exclusions with reasons, the credit due and, on
 * a customer-claimed plan, the claim link and deadline. On the 2nd of each month at 06:00 UTC the
 * {@code monthly-statement} process mails it to every active organisation's billing contact (PDF
 * attached); on an automatic plan a month below target opens its credit request then. Each
 * organisation and month is sent once, whatever reruns the process.
 */
@Service
@Transactional(readOnly = true)
public class MonthlyStatements {

    private static final Logger log = LoggerFactory.getLogger(MonthlyStatements.class);

    /** One downtime interval of the month: the incident, its part inside the month, and whether it counted. */
    public record Interval(long incidentId, String title, Instant from, Instant to, String excludedBecause) {
    }

    public record Statement(OrganisationInfo organisation, YearMonth month, PlanTerms plan, List<String> components,
            AvailabilityReport report, int creditPercent, BigDecimal creditAmount, List<Interval> intervals,
            List<Exclusion> exclusions, Instant claimDeadline, String claimLink, CreditRequestView claim,
            Instant generatedAt) {
    }

    private final Directory directory;
    private final CustomerSla customers;
    private final CreditService credits;
    private final IncidentService incidents;
    private final Notifications notifications;
    private final TemplateEngine templates;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String baseUrl;

    MonthlyStatements(Directory directory, CustomerSla customers, CreditService credits, IncidentService incidents,
            Notifications notifications, TemplateEngine templates, JdbcTemplate jdbc, Clock clock,
            @Value("${sladesk.mail.base-url:http://localhost:8080}") String baseUrl) {
        this.directory = directory;
        this.customers = customers;
        this.credits = credits;
        this.incidents = incidents;
        this.notifications = notifications;
        this.templates = templates;
        this.jdbc = jdbc;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** The statement of {@code organisationId}'s {@code month}, as the PDF and the portal show it. */
    public Statement build(long organisationId, YearMonth month) {
        CustomerSla.CustomerMonth figures = customers.month(organisationId, month);
        AvailabilityReport report = figures.report().month();
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Interval> intervals = new ArrayList<>();
        for (IncidentView incident : incidents.overlapping(from, to, figures.components())) {
            if (incident.impact() != Impact.OUTAGE || incident.environment() != Environment.PRODUCTION) {
                continue;
            }
            String excluded = report.exclusions().stream().filter(e -> Long.valueOf(incident.id()).equals(e.incidentId()))
                    .map(Exclusion::reason).findFirst().orElse(null);
            Instant start = incident.openedAt().isBefore(from) ? from : incident.openedAt();
            Instant end = incident.resolvedAt() == null || incident.resolvedAt().isAfter(to) ? to : incident.resolvedAt();
            intervals.add(new Interval(incident.id(), incident.title(), start, end, excluded));
        }
        Optional<CreditRequestView> claim = credits.list(organisationId).stream()
                .filter(c -> c.month().equals(month.toString())).findFirst();
        boolean claimable = !figures.plan().automaticCredits() && figures.creditPercent() > 0 && claim.isEmpty();
        return new Statement(figures.organisation(), month, figures.plan(), figures.components(), report,
                figures.creditPercent(), CreditTiers.amount(figures.organisation().monthlyFee(), figures.creditPercent()),
                intervals, report.exclusions(), claimable ? credits.claimDeadline(organisationId, month) : null,
                claimable ? baseUrl + "/portal/credits?month=" + month : null, claim.orElse(null), clock.instant());
    }

    public byte[] pdf(Statement statement) {
        return PdfDocument.render(templates.process("report/statement",
                new Context(Locale.ENGLISH, Map.of("s", statement))), "statement");
    }

    /**
     * Sends {@code month}'s statements: to each active organisation not yet sent one for it, opening
     * the automatic plans' credit requests first. Returns how many were sent now.
     */
    @Transactional
    public int send(YearMonth month) {
        int sent = 0;
        for (OrganisationInfo organisation : directory.allOrganisations()) {
            if (!organisation.active()) {
                continue;
            }
            // the row is the once-only guard: a rerun (or a second node) finds it and sends nothing
            int claimed = jdbc.update("insert into monthly_statement (organisation_id, statement_month, sent_at) "
                    + "select ?, ?, ? where not exists (select 1 from monthly_statement where organisation_id = ? "
                    + "and statement_month = ?)", organisation.id(), month.toString(),
                    java.sql.Timestamp.from(clock.instant()), organisation.id(), month.toString());
            if (claimed == 0) {
                continue;
            }
            Optional<CreditRequestView> opened = credits.openAutomatically(organisation.id(), month, "system");
            opened.ifPresent(c -> jdbc.update("update monthly_statement set credit_request_id = ? where organisation_id = ?"
                    + " and statement_month = ?", c.id(), organisation.id(), month.toString()));
            Statement statement = build(organisation.id(), month);
            String recipient = organisation.billingEmail() != null ? organisation.billingEmail() : organisation.noticeEmail();
            if (recipient == null) {
                log.warn("No billing or notice contact for organisation {}: its {} statement is on the portal only",
                        organisation.name(), month);
                continue;
            }
            notifications.queue(recipient, "SLA statement " + month + " for " + organisation.name() + ": "
                    + statement.report().availabilityPercent() + "% (target " + statement.plan().targetPercent().toPlainString() + "%)",
                    "message", Map.of("heading", "Your SLA statement for " + month, "lines", lines(statement, opened)),
                    List.of(Attachment.binary("sla-statement-" + month + ".pdf", "application/pdf", pdf(statement))));
            sent++;
        }
        return sent;
    }

    private static List<String> lines(Statement s, Optional<CreditRequestView> opened) {
        List<String> lines = new ArrayList<>();
        lines.add("Availability of your components (" + String.join(", ", s.components()) + "): "
                + s.report().availabilityPercent() + "% against your " + s.plan().name() + " plan's target of "
                + s.plan().targetPercent().toPlainString() + "%.");
        lines.add("Downtime " + s.report().downtimeMinutes() + " min; excluded " + s.report().excludedMinutes() + " min.");
        if (opened.isPresent()) {
            lines.add("Your plan credits automatically: we opened credit request #" + opened.get().id() + " for "
                    + s.creditPercent() + "% of your monthly fee (" + s.creditAmount() + " " + s.organisation().currency()
                    + "); an SRE verifies it within two business days.");
        }
        else if (s.claimLink() != null) {
            lines.add("A credit of " + s.creditPercent() + "% (" + s.creditAmount() + " " + s.organisation().currency()
                    + ") is due: claim it by " + s.claimDeadline().minusSeconds(1) + " at " + s.claimLink());
        }
        lines.add("The statement is attached.");
        return lines;
    }

}
