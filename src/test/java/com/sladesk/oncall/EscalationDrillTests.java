package com.sladesk.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.sladesk.DrillResults;
import com.sladesk.TestClock;
import com.sladesk.TestNodes;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The drill of issue #18: a P1 nobody acknowledges for 40 minutes pages exactly the escalation
 * matrix's people, in order, one page per level and pass — primary at 0, secondary at 5, the SRE
 * lead at 15, leadership at 30, then the chain again: primary at 35, secondary at 40 — while the
 * node that started it stops at minute 20 and a new node, on the same database, carries on. Each
 * minute the due jobs run, as a job executor would; the engine clock moves, not the wall clock.
 */
@Tag("clock")
class EscalationDrillTests {

    static final Instant T0 = Instant.parse("2026-11-10T03:00:00Z"); // a Tuesday night

    ConfigurableApplicationContext node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        TestClock.runFromStart();
    }

    @Test
    void anUnacknowledgedP1PagesEachLevelOnceInOrderAcrossANodeRestart() {
        TestClock.pin(T0);
        node = start("a");
        OnCallFixtures.rota(node.getBean(OnCallSchedules.class));
        EscalationPolicy p1 = node.getBean(EscalationPolicies.class).get("P1");
        assertThat(p1.levels()).extracting(EscalationPolicy.Level::delayMinutes).containsExactly(0, 5, 15, 30);
        IncidentView incident = node.getBean(IncidentService.class).open(new NewIncident("Drill: checkout down at night "
                + System.nanoTime(), null, Severity.P1, List.of("api"), Environment.PRODUCTION, Impact.OUTAGE, null, null), "alertmanager");
        List<String> fired = new ArrayList<>();
        for (int minute = 0; minute <= 20; minute++) {
            fired.addAll(runDueJobs(incident, T0.plus(Duration.ofMinutes(minute))));
        }

        node.close(); // the node stops; its timers are rows in the database
        node = start("b");
        for (int minute = 21; minute <= 40; minute++) {
            fired.addAll(runDueJobs(incident, T0.plus(Duration.ofMinutes(minute))));
        }

        List<PageRecord> pages = node.getBean(Escalations.class).pages(incident.id()).stream()
                .filter(p -> "EMAIL".equals(p.channel())).toList();
        assertThat(pages).extracting(PageRecord::pass, PageRecord::level, PageRecord::username,
                        p -> Duration.between(T0, p.pagedAt()).toMinutes())
                .containsExactly(
                        tuple(1, 1, "sre", 0L), tuple(1, 2, "sre2", 5L), tuple(1, 3, "sre2", 15L), tuple(1, 4, "leader", 30L),
                        tuple(2, 1, "sre", 35L), tuple(2, 2, "sre2", 40L));
        List<NotificationView> mails = pages.stream()
                .map(p -> node.getBean(Notifications.class).get(p.notificationId())).toList();
        assertThat(mails).extracting(NotificationView::subject).allMatch(s -> s.startsWith("[P1] PAGE: incident #" + incident.id()));
        assertThat(mails).extracting(NotificationView::idempotencyKey).doesNotHaveDuplicates();
        // the chain waits for pass 2's SRE lead at minute 50, and nothing else is due
        ProcessInstance chain = chain(incident);
        List<Job> waiting = node.getBean(ManagementService.class).createJobQuery().processInstanceId(chain.getId()).list();
        assertThat(waiting).singleElement().satisfies(job ->
                assertThat(job.getDuedate().toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(50))));

        node.getBean(IncidentService.class).acknowledge(incident.id(), "sre2");
        assertThat(node.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(chain.getId()).count())
                .isZero();
        node.getBean(IncidentService.class).resolve(incident.id(), null, Cause.INTERNAL, "sre2");
        DrillResults.record("Escalation (P1, 40 min, restart at minute 20)", pages.size() + " pages in order: "
                + pages.stream().map(p -> p.username() + "@" + Duration.between(T0, p.pagedAt()).toMinutes() + "m").toList()
                + ", " + fired.size() + " jobs run across two nodes");
    }

    /** Runs the incident's due jobs (its chain's included) at {@code at}, as a job executor would; returns their activities. */
    private List<String> runDueJobs(IncidentView incident, Instant at) {
        TestClock.pin(at);
        ManagementService jobs = node.getBean(ManagementService.class);
        RuntimeService runtime = node.getBean(RuntimeService.class);
        List<String> ran = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            List<String> instances = new ArrayList<>();
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(incident.id())).list()
                    .forEach(pi -> instances.add(pi.getId()));
            List<Job> due = instances.stream().flatMap(id -> jobs.createJobQuery().processInstanceId(id)
                    .duedateLowerThan(java.util.Date.from(at.plusMillis(1))).list().stream()).toList();
            List<Job> unscheduled = instances.stream().flatMap(id -> jobs.createJobQuery().processInstanceId(id)
                    .list().stream().filter(j -> j.getDuedate() == null)).toList();
            List<Job> batch = new ArrayList<>(due);
            batch.addAll(unscheduled);
            if (batch.isEmpty()) {
                return ran;
            }
            for (Job job : batch) {
                jobs.executeJob(job.getId());
                ran.add(job.getId());
            }
        }
        return ran;
    }

    private ProcessInstance chain(IncidentView incident) {
        return node.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey(EscalationChainProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(incident.id())).singleResult();
    }

    /** One node of the service on the tests' database, without the engine's web apps (as module tests start). */
    private static ConfigurableApplicationContext start(String name) {
        return TestNodes.start(EscalationDrillTests.class, "drill" + name);
    }
}
