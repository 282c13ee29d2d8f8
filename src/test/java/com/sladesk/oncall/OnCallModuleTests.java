package com.sladesk.oncall;

import java.util.List;

import com.sladesk.SlaDeskModuleTest;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentAcknowledged;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.notification.Channel;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The on-call module with only what it uses: it hears the incident module's acknowledgement (an
 * event, not a call) and tells PagerDuty, through the outbox, in the acknowledgement's transaction.
 */
@SlaDeskModuleTest
class OnCallModuleTests {

    @Autowired
    IncidentService incidents;

    @Autowired
    EscalationPolicies policies;

    @Autowired
    Notifications notifications;

    @Autowired
    ManagementService jobs;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void anAcknowledgementHeardAsAnEventReachesPagerDuty(Scenario scenario) {
        EscalationPolicy before = policies.get("P2");
        policies.update("P2", new EscalationPolicy("P2", 0, 30, "M0DULE", before.levels()), "test");
        try {
            IncidentView p2 = incidents.open(new NewIncident("Module drill: paged " + System.nanoTime(), null,
                    Severity.P2, List.of("core"), Environment.PRODUCTION, Impact.DEGRADED, null, null), "sre");
            // the incident process starts its chain in a job of its own; the chain's plan sends the trigger
            String process = runtime.createProcessInstanceQuery().processDefinitionKey("incident-response")
                    .processInstanceBusinessKey(String.valueOf(p2.id())).singleResult().getId();
            jobs.executeJob(jobs.createJobQuery().processInstanceId(process).activityId("CallActivity_ResponseChain")
                    .singleResult().getId());
            assertThat(pagerDuty(p2.id())).extracting(NotificationView::subject).contains("PagerDuty trigger #" + p2.id());

            scenario.stimulate(() -> incidents.acknowledge(p2.id(), "sre"))
                    .andWaitForEventOfType(IncidentAcknowledged.class)
                    .matching(event -> event.incidentId() == p2.id())
                    .toArriveAndVerify(event -> assertThat(pagerDuty(p2.id())).extracting(NotificationView::subject)
                            .contains("PagerDuty acknowledge #" + p2.id()));
            incidents.resolve(p2.id(), null, Cause.INTERNAL, "sre");
        }
        finally {
            policies.update("P2", before, "test");
        }
    }

    private List<NotificationView> pagerDuty(long incident) {
        return notifications.find(null, null, 500).stream()
                .filter(n -> n.channel() == Channel.PAGERDUTY && n.subject().endsWith("#" + incident)).toList();
    }
}
