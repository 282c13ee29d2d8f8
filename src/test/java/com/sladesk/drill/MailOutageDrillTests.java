package com.sladesk.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.DrillResults;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.maintenance.Activity;
import com.sladesk.maintenance.MaintenanceService;
import com.sladesk.maintenance.MaintenanceType;
import com.sladesk.maintenance.NewMaintenance;
import com.sladesk.notification.MailDelivery;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill 2 (mail outage): SMTP is down for 15 minutes of engine time while response warnings,
 * breaches and a maintenance notice and its reminder fall due; it comes back. Every notification
 * is delivered exactly once (counted per notification id, recipient and subject), none lost.
 */
@SlaDeskTest
@Tag("drill")
@Tag("clock")
class MailOutageDrillTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    IncidentService incidents;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    Instant now;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void everyNotificationIsDeliveredExactlyOnceAfterAnSmtpOutage() throws Exception {
        // Monday 2 June 2031, 09:30 UTC: a time no other test uses
        now = Instant.parse("2031-06-02T09:30:00Z");
        TestClock.pin(now);
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from notification", Long.class);
        smtp.stop();

        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long id = incidents.open(new NewIncident("Mail outage drill " + i, null, Severity.P1, List.of("core"),
                    Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre").id();
            instances.add(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                    .processDefinitionKey("incident-response").singleResult().getId());
        }
        // a standard window: Sunday 15 June 02:00–04:00, announced 13 days ahead
        long windowId = maintenance.schedule(new NewMaintenance("Mail outage drill window", null,
                MaintenanceType.STANDARD, Instant.parse("2031-06-15T02:00:00Z"), Instant.parse("2031-06-15T04:00:00Z"),
                List.of("data"), List.of(Activity.SECURITY_PATCH), null), "sre").id();
        instances.add(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(windowId))
                .processDefinitionKey("maintenance-notification").singleResult().getId());

        // 15 minutes of outage, minute by minute, while warnings and breaches fall due
        int failedAttempts = 0;
        for (int minute = 0; minute < 15; minute++) {
            advance(Duration.ofMinutes(minute == 0 ? 46 : 1));
            fireDueTimers(instances);
            MailDelivery.deliverDue(context);
            failedAttempts += jdbc.queryForObject(
                    "select count(*) from notification where id > ? and status = 'PENDING' and attempts > 0", Integer.class,
                    before);
        }
        // the P1 resolution window (4 h) and the maintenance reminder (24 h ahead) fall due too
        advance(Duration.ofHours(4));
        fireDueTimers(instances);
        TestClock.pin(now = Instant.parse("2031-06-14T02:30:00Z"));
        fireDueTimers(instances);
        MailDelivery.deliverDue(context);
        assertThat(smtp.getReceivedMessages()).isEmpty();

        smtp.start();
        for (int round = 0; round < 10; round++) {
            advance(Duration.ofMinutes(16));
            MailDelivery.deliverDue(context);
        }

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, recipient, subject, status, attempts from notification where id > ? order by id", before);
        // only the notifications of this drill (others' may be waiting in the outbox too)
        MimeMessage[] received = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Long.parseLong(m.getHeader("X-SLA-Desk-Notification")[0]) > before;
            }
            catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
        Map<String, Integer> receivedPerId = new HashMap<>();
        Map<String, Integer> receivedPerRecipientAndSubject = new HashMap<>();
        for (MimeMessage message : received) {
            receivedPerId.merge(message.getHeader("X-SLA-Desk-Notification")[0], 1, Integer::sum);
            receivedPerRecipientAndSubject.merge(message.getAllRecipients()[0] + " | " + message.getSubject(), 1,
                    Integer::sum);
        }
        Map<String, Integer> storedPerRecipientAndSubject = new HashMap<>();
        rows.forEach(r -> storedPerRecipientAndSubject.merge(r.get("recipient") + " | " + r.get("subject"), 1,
                Integer::sum));
        long sent = rows.stream().filter(r -> "SENT".equals(r.get("status"))).count();
        DrillResults.record("Mail outage drill", rows.size() + " notifications queued during the outage, " + failedAttempts
                + " failed attempt-minutes, " + received.length + " delivered after, " + sent + " SENT, lost "
                + (rows.size() - receivedPerId.size()) + ", duplicates "
                + receivedPerId.values().stream().filter(n -> n > 1).count());

        // warnings to every SRE and breaches to the lead and leadership for 10 P1s, plus the notices
        assertThat(rows.size()).isGreaterThanOrEqualTo(10 * 4);
        assertThat(rows.stream().map(r -> (String) r.get("subject"))).anyMatch(s -> s.contains("Mail outage drill window"));
        assertThat(failedAttempts).isPositive();
        assertThat(sent).isEqualTo(rows.size());
        assertThat(receivedPerId).hasSize(rows.size()).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
        assertThat(receivedPerRecipientAndSubject).isEqualTo(storedPerRecipientAndSubject);
    }

    private void advance(Duration by) {
        now = now.plus(by);
        TestClock.pin(now);
    }

    private void fireDueTimers(List<String> instances) {
        boolean fired = true;
        while (fired) {
            fired = false;
            for (String instance : instances) {
                for (Job job : management.createJobQuery().processInstanceId(instance).timers()
                        .duedateLowerThan(Date.from(now.plusMillis(1))).list()) {
                    management.executeJob(job.getId());
                    fired = true;
                }
            }
        }
    }
}
