package com.sladesk.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.credit.CreditRequestView;
import com.sladesk.credit.CreditService;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.notification.Attachment;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly statement (#16): the {@code monthly-statement} timer fires on the 2nd at 06:00 UTC (the
 * engine clock moved there, the due job executed); each organisation's contact gets last month's
 * statement with the PDF; Globex, on the automatic premium plan, gets its credit request opened for
 * it; running the process again for that month sends nothing twice and opens nothing twice.
 */
@SlaDeskTest
@Tag("clock")
class MonthlyStatementTests {

    @Autowired
    ManagementService management;

    @Autowired
    IncidentService incidents;

    @Autowired
    Notifications notifications;

    @Autowired
    CreditService credits;

    @Autowired
    Directory directory;

    @Autowired
    MonthlyStatements statements;

    @Test
    void theSecondOfTheMonthMailsEveryStatementAndOpensTheAutomaticCreditOnce() throws Exception {
        Job timer = management.createJobQuery().processDefinitionKey("monthly-statement").singleResult();
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneOffset.UTC);
        assertThat(due.getDayOfMonth()).isEqualTo(2);
        assertThat(due.getHour()).isEqualTo(6);
        YearMonth month = YearMonth.from(due).minusMonths(1);
        // four hours down on the 3rd of that month: below premium's 99.95% (and 99.9%) in any month
        Instant start = month.atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC);
        incidents.backfill(new NewIncident("Statement month outage", null, Severity.P1, List.of("core"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), start.plusSeconds(4 * 3600), Cause.INTERNAL, "sre");
        long globex = directory.findOrganisationByName("Globex").orElseThrow().id();

        TestClock.pin(timer.getDuedate().toInstant());
        management.executeJob(timer.getId());

        List<NotificationView> globexMail = statementsTo("it@globex.example", month);
        assertThat(globexMail).hasSize(1);
        List<Attachment> pdf = notifications.attachments(globexMail.get(0).id());
        assertThat(pdf).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(new String(a.bytes(), 0, 4)).isEqualTo("%PDF");
        });
        List<CreditRequestView> opened = credits.list(globex).stream().filter(c -> c.month().equals(month.toString())).toList();
        assertThat(opened).singleElement().satisfies(c -> {
            assertThat(c.openedAutomatically()).isTrue();
            assertThat(c.plan()).isEqualTo("premium");
            assertThat(c.creditPercent()).isGreaterThanOrEqualTo(25);
            assertThat(c.submittedBy()).isEqualTo("system");
        });
        assertThat(statements.build(globex, month).claim().id()).as("the statement names the request").isEqualTo(opened.get(0).id());
        // Acme claims its own credits: its statement names the month and, when one is due, how to claim it
        assertThat(statementsTo("ops@acme.example", month)).hasSize(1);
        // the next run is a month later
        assertThat(management.createJobQuery().processDefinitionKey("monthly-statement").singleResult().getDuedate())
                .isAfter(timer.getDuedate());

        // run again for the same month: nothing is sent or opened twice
        assertThat(statements.send(month)).isZero();
        assertThat(statementsTo("it@globex.example", month)).hasSize(1);
        assertThat(credits.list(globex).stream().filter(c -> c.month().equals(month.toString()))).hasSize(1);
    }

    private List<NotificationView> statementsTo(String recipient, YearMonth month) {
        return notifications.find(recipient, null, 200).stream()
                .filter(n -> n.subject().startsWith("SLA statement " + month)).toList();
    }
}
