package com.sladesk.maintenance;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.notification.MailDelivery;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.sladesk.maintenance.MaintenanceNotificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * The maintenance-notification process, timers fired by the engine clock, mail read from GreenMail
 * (a real SMTP server) with its .ics attachment parsed by ical4j. Acme's contact
 * (ops@acme.example) is subscribed by default.
 */
@SlaDeskTest
@Tag("clock")
class MaintenanceNotificationProcessTests {

    static final String CONTACT = "ops@acme.example";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ProcessEngine engine;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void tearDown() {
        TestClock.runFromStart();
        reset();
    }

    @Test
    void announcesRemindsStartsAndCompletesWithAStableCalendarEvent() throws Exception {
        TestClock.pin("2026-03-01T01:00:00Z");
        MaintenanceView window = schedule("Postgres 16 upgrade", "2026-03-08T02:00:00Z", "2026-03-08T04:00:00Z");
        ProcessInstance pi = process(window);
        assertThat(job(REMINDER_DUE, pi)).hasDueDate(date("2026-03-07T02:00:00Z"));
        MailDelivery.deliverDue(context);

        MimeMessage announced = mailTo(CONTACT, "Scheduled maintenance: Postgres 16 upgrade");
        assertThat(GreenMailUtil.getBody(announced)).contains("/status/unsubscribe?token=");
        VEvent event = event(announced);
        assertThat(prop(event, "UID")).isEqualTo(window.icalUid());
        assertThat(Integer.parseInt(prop(event, "SEQUENCE"))).isZero();
        assertThat(prop(event, "DTSTART")).isEqualTo("20260308T020000Z");

        TestClock.pin("2026-03-07T02:00:00Z");
        execute(job(REMINDER_DUE, pi));
        MailDelivery.deliverDue(context);
        assertThat(prop(event(mailTo(CONTACT, "Reminder: maintenance in 24 hours: Postgres 16 upgrade")), "UID")).isEqualTo(window.icalUid());

        TestClock.pin("2026-03-08T02:00:00Z");
        execute(job(WINDOW_STARTS, pi));
        assertThat(maintenance.find(window.id()).status()).isEqualTo(MaintenanceStatus.IN_PROGRESS);

        TestClock.pin("2026-03-08T04:00:00Z");
        execute(job(WINDOW_ENDS, pi));
        assertThat(maintenance.find(window.id()).status()).isEqualTo(MaintenanceStatus.COMPLETED);
        assertThat(pi).isEnded().hasPassed(END_COMPLETED);
        MailDelivery.deliverDue(context);
        mailTo(CONTACT, "Maintenance completed: Postgres 16 upgrade");
    }

    @Test
    void rescheduleSendsTheNewTimeWithTheSameUidAndReArmsTheTimers() throws Exception {
        TestClock.pin("2026-04-01T10:00:00Z");
        MaintenanceView window = schedule("Kernel patches", "2026-04-12T02:00:00Z", "2026-04-12T03:00:00Z");
        ProcessInstance pi = process(window);

        MaintenanceView moved = maintenance.reschedule(window.id(), Instant.parse("2026-04-19T02:00:00Z"),
                Instant.parse("2026-04-19T03:30:00Z"), "sre");

        assertThat(moved.icalSequence()).isOne();
        assertThat(pi).isWaitingAt(REMINDER_DUE);
        assertThat(job(REMINDER_DUE, pi)).hasDueDate(date("2026-04-18T02:00:00Z"));
        MailDelivery.deliverDue(context);
        VEvent event = event(mailTo(CONTACT, "Maintenance rescheduled: Kernel patches"));
        assertThat(prop(event, "UID")).isEqualTo(window.icalUid());
        assertThat(Integer.parseInt(prop(event, "SEQUENCE"))).isOne();
        assertThat(prop(event, "DTSTART")).isEqualTo("20260419T020000Z");
    }

    @Test
    void aRescheduleObeysTheNoticeRules() {
        TestClock.pin("2026-05-01T10:00:00Z");
        MaintenanceView window = schedule("Scaling", "2026-05-10T02:00:00Z", "2026-05-10T03:00:00Z");
        TestClock.pin("2026-05-05T10:00:00Z");
        Assertions.assertThatThrownBy(() -> maintenance.reschedule(window.id(),
                Instant.parse("2026-05-10T03:00:00Z"), Instant.parse("2026-05-10T04:00:00Z"), "sre"))
                .hasMessageContaining("standard maintenance needs 7 days");
        assertThat(maintenance.find(window.id()).icalSequence()).isZero();
    }

    @Test
    void cancellationSendsACancelledCalendarEventAndEndsTheProcess() throws Exception {
        TestClock.pin("2026-06-01T10:00:00Z");
        MaintenanceView window = schedule("Feature deployment", "2026-06-14T02:00:00Z", "2026-06-14T04:00:00Z");
        ProcessInstance pi = process(window);

        maintenance.cancel(window.id(), "Release postponed", "sre");

        assertThat(pi).isEnded().hasPassed(END_CANCELLED);
        MailDelivery.deliverDue(context);
        MimeMessage cancelled = mailTo(CONTACT, "Maintenance cancelled: Feature deployment");
        assertThat(GreenMailUtil.getBody(cancelled)).contains("Release postponed");
        Calendar calendar = calendar(cancelled);
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(prop(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(prop(event, "SEQUENCE"))).isOne();
        assertThat(maintenance.find(window.id()).status()).isEqualTo(MaintenanceStatus.CANCELLED);
    }

    private MaintenanceView schedule(String title, String start, String end) {
        return maintenance.schedule(new NewMaintenance(title, null, MaintenanceType.STANDARD, Instant.parse(start),
                Instant.parse(end), List.of("data"), List.of(Activity.DATABASE_UPGRADE), null), "sre");
    }

    private ProcessInstance process(MaintenanceView window) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(window.id())).singleResult();
    }

    private static MimeMessage mailTo(String recipient, String subject) throws Exception {
        List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().equals(subject) && Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().equals(recipient));
            }
            catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(found).as("mail '%s' to %s", subject, recipient).hasSize(1);
        return found.get(0);
    }

    private static Calendar calendar(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".ics")) {
                String ics = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new CalendarBuilder().build(new StringReader(ics));
            }
        }
        throw new AssertionError("no .ics attachment");
    }

    private static VEvent event(MimeMessage message) throws Exception {
        return (VEvent) calendar(message).getComponent("VEVENT").orElseThrow();
    }

    private static String prop(VEvent event, String name) {
        return event.getProperty(name).orElseThrow().getValue();
    }


    private static Date date(String instant) {
        return Date.from(Instant.parse(instant));
    }
}
