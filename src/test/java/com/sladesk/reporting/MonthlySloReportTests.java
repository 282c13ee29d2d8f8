package com.sladesk.reporting;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.notification.Attachment;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The monthly SLO report on a hand-computed month (June 2021: 30 days, 43.2 minutes of budget). */
@SlaDeskTest
@Tag("clock")
class MonthlySloReportTests {

    @Autowired
    SloReportService reports;

    @Autowired
    IncidentService incidents;

    @Autowired
    Notifications notifications;

    @Autowired
    ManagementService management;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void handComputedMonthAsPagePdfAndCsv() throws Exception {
        incident(Severity.P1, Impact.OUTAGE, "2021-06-03T10:00:00Z", "2021-06-03T11:00:00Z");   // 60 min down
        incident(Severity.P1, Impact.DEGRADED, "2021-06-10T10:00:00Z", "2021-06-10T10:30:00Z"); // 30 min to recover
        incident(Severity.P2, Impact.DEGRADED, "2021-06-15T10:00:00Z", "2021-06-15T14:00:00Z"); // 240 min to recover

        MonthlyReport report = reports.build(YearMonth.of(2021, 6));

        // 100 - 60 × 100 / 43200 = 99.8611…
        assertThat(report.availabilityPercent()).isEqualByComparingTo("99.861");
        assertThat(report.status()).isEqualTo("WARNING");
        assertThat(report.errorBudgetConsumedMinutes()).isEqualByComparingTo("60.0");
        assertThat(report.errorBudgetRemainingMinutes()).isEqualByComparingTo("0.0");
        assertThat(report.incidents()).extracting(MonthlyReport.SeverityLine::count).containsExactly(2, 1, 0, 0);
        assertThat(report.incidents().get(0).mttrMinutes()).isEqualByComparingTo("45.0");
        assertThat(report.incidents().get(1).mttrMinutes()).isEqualByComparingTo("240.0");
        assertThat(report.incidents().get(2).mttrMinutes()).isNull();
        assertThat(report.topIssues()).containsExactly(new MonthlyReport.ComponentLine("Core Services", new BigDecimal("60.0")));

        String pdfText = new PDFTextStripper().getText(Loader.loadPDF(reports.pdf(report)));
        assertThat(pdfText).contains("Monthly SLO report: 2021-06", "99.861%", "Core Services");

        String csv = mvc.perform(get("/reports/2021-06.csv").with(user("leader").roles("LEADERSHIP")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, String> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).stream()
                .collect(Collectors.toMap(r -> r.get("section") + "/" + r.get("item"), r -> r.get("value")));
        assertThat(rows).containsEntry("availability/actual percent", "99.861")
                .containsEntry("incidents P1/mttr minutes", "45.0").containsEntry("incidents P2/count", "1");
        mvc.perform(get("/reports/2021-06").with(user("sre").roles("SRE"))).andExpect(status().isOk());
        mvc.perform(get("/reports/2021-06.pdf").with(user("cto").roles("CTO"))).andExpect(status().isOk());
        mvc.perform(get("/reports/2021-06").with(user("acme").roles("CUSTOMER"))).andExpect(status().isForbidden());
    }

    @Test
    void theFirstOfTheMonthAt0600MailsLastMonthsReportWithThePdf() throws Exception {
        Job timer = management.createJobQuery().processDefinitionKey("monthly-slo-report").singleResult();
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneOffset.UTC);
        assertThat(due.getDayOfMonth()).isOne();
        assertThat(due.getHour()).isEqualTo(6);
        TestClock.pin(timer.getDuedate().toInstant());

        management.executeJob(timer.getId());

        YearMonth reported = YearMonth.from(due).minusMonths(1);
        List<NotificationView> sent = notifications.find("leadership@sla-desk.example", null, 50).stream()
                .filter(n -> n.subject().startsWith("Monthly SLO report " + reported)).toList();
        assertThat(sent).hasSize(1);
        List<Attachment> attachments = notifications.attachments(sent.get(0).id());
        assertThat(attachments).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(new String(a.bytes(), 0, 4)).isEqualTo("%PDF");
        });
        assertThat(management.createJobQuery().processDefinitionKey("monthly-slo-report").singleResult().getDuedate())
                .isAfter(Date.from(due.toInstant()));
    }

    private void incident(Severity severity, Impact impact, String from, String to) {
        long id = incidents.open(new NewIncident("June " + from, null, severity, List.of("core"), Environment.PRODUCTION,
                impact, Instant.parse(from), null), "sre").id();
        incidents.resolve(id, Instant.parse(to), Cause.INTERNAL, "sre");
    }
}
