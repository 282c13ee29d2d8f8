package com.sladesk.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentStatus;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.notification.MailDelivery;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The escalation chain against the SLA's escalation matrix: the P1 policy pages the primary on
 * call at once, the secondary after 5 minutes…; acknowledging ends the chain at once; SMS,
 * Slack-compatible and PagerDuty Events v2 deliveries reach a real HTTP server (MockWebServer)
 * through the outbox; the one-click link acknowledges once; a staging incident pages nobody.
 * Timers fire by moving the engine clock and executing the due jobs.
 */
@SlaDeskTest
@Tag("clock")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationChainTests {

    static final Instant TUESDAY_03 = Instant.parse("2026-11-03T03:00:00Z");
    static final Pattern ACK_LINK = Pattern.compile("/ack/([A-Za-z0-9_-]+)");

    @Autowired
    ProcessEngine engine;

    @Autowired
    IncidentService incidents;

    @Autowired
    OnCallSchedules schedules;

    @Autowired
    EscalationPolicies policies;

    @Autowired
    PagingContacts contacts;

    @Autowired
    Escalations escalations;

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    PagingReceiver receiver;
    EscalationPolicy p1Before;

    @BeforeAll
    void receiverAndRota() throws Exception {
        receiver = new PagingReceiver();
        OnCallFixtures.rota(schedules);
        p1Before = policies.get("P1");
        policies.update("P1", new EscalationPolicy("P1", p1Before.repeats(), p1Before.repeatAfterMinutes(), "R0UTE1",
                p1Before.levels()), "test");
        contacts.set("sre", "SMS", "+393400000001");
        contacts.set("sre", "SLACK", receiver.url("/slack/sre"));
    }

    @AfterAll
    void stop() throws Exception {
        policies.update("P1", p1Before, "test");
        contacts.set("sre", "SMS", "");
        contacts.set("sre", "SLACK", "");
        receiver.close();
    }

    @BeforeEach
    void setUp() {
        init(engine);
        TestClock.pin(TUESDAY_03);
    }

    @AfterEach
    void tearDown() {
        TestClock.runFromStart();
        reset();
    }

    @Test
    void aP1PagesEachLevelInOrderAndTheAcknowledgementEndsTheChainAtOnce() throws Exception {
        IncidentView p1 = open(Severity.P1, Environment.PRODUCTION);
        ProcessInstance chain = startChain(p1);
        assertThat(chain).isWaitingAt(EscalationChainProcess.LEVEL_DUE);

        fireLevel(chain, TUESDAY_03);
        assertThat(escalations.pages(p1.id())).filteredOn(p -> p.level() > 0)
                .extracting(PageRecord::pass, PageRecord::level, PageRecord::username, PageRecord::channel)
                .containsExactly(tuple(1, 1, "sre", "EMAIL"), tuple(1, 1, "sre", "SLACK"), tuple(1, 1, "sre", "SMS"));

        fireLevel(chain, TUESDAY_03.plus(Duration.ofMinutes(5)));
        assertThat(escalations.pages(p1.id())).filteredOn(p -> p.level() == 2)
                .extracting(PageRecord::username, PageRecord::channel).containsExactly(tuple("sre2", "EMAIL"));
        Job next = chainTimer(chain);
        assertThat(next.getDuedate().toInstant()).as("the SRE lead, 15 minutes in")
                .isEqualTo(TUESDAY_03.plus(Duration.ofMinutes(15)));

        MailDelivery.deliverAll(context);
        JsonNode trigger = only("/pagerduty", "\"trigger\"", p1);
        assertThat(trigger.path("routing_key").asText()).isEqualTo("R0UTE1");
        assertThat(trigger.path("dedup_key").asText()).isEqualTo(String.valueOf(p1.id()));
        assertThat(trigger.path("payload").path("severity").asText()).isEqualTo("critical");
        assertThat(trigger.path("payload").path("summary").asText()).isEqualTo("[P1] " + p1.title());
        JsonNode sms = json.readTree(receiver.received("/sms", "page:" + p1.id() + ":").get(0).body());
        assertThat(sms.path("to").asText()).isEqualTo("+393400000001");
        assertThat(sms.path("message").asText()).contains("#" + p1.id()).containsPattern(ACK_LINK);
        assertThat(sms.path("idempotency_key").asText()).isEqualTo("page:" + p1.id() + ":response:1:1:sre:SMS");
        JsonNode slack = json.readTree(receiver.received("/slack/sre", "page:" + p1.id() + ":").get(0).body());
        assertThat(slack.path("text").asText()).contains("[P1] SLA Desk page: #" + p1.id());
        assertThat(escalations.pages(p1.id())).filteredOn(p -> "SMS".equals(p.channel()))
                .singleElement().satisfies(p -> {
                    assertThat(p.delivery()).isEqualTo("SENT");
                    assertThat(p.receipt()).startsWith("HTTP 202");
                });

        TestClock.pin(TUESDAY_03.plus(Duration.ofMinutes(7)));
        incidents.acknowledge(p1.id(), "sre2");
        assertThat(chain).isEnded();
        assertThat(jobQuery().processInstanceId(chain.getId()).count()).as("no later level can fire").isZero();
        MailDelivery.deliverAll(context);
        JsonNode ack = only("/pagerduty", "\"acknowledge\"", p1);
        assertThat(ack.path("dedup_key").asText()).isEqualTo(String.valueOf(p1.id()));

        TestClock.pin(TUESDAY_03.plus(Duration.ofMinutes(8)));
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre2");
        MailDelivery.deliverAll(context);
        assertThat(only("/pagerduty", "\"resolve\"", p1).path("event_action").asText()).isEqualTo("resolve");
        assertThat(escalations.pages(p1.id())).filteredOn(p -> p.level() > 2).isEmpty();

        // the SRE's incident page shows who was paged, on which channel, delivered or not
        String page = mvc.perform(get("/sre/incidents/" + p1.id()).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("sre").roles("SRE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"pages-table\"", "schedule primary", "schedule secondary", "SLACK", "SENT");
    }

    /** The channel's own acknowledge: PagerDuty's v3 webhook, signed with the subscription's secret. */
    @Test
    void anIncidentAcknowledgedInPagerDutyIsAcknowledgedHereAndItsChainEnds() throws Exception {
        IncidentView p1 = open(Severity.P1, Environment.PRODUCTION);
        ProcessInstance chain = startChain(p1);
        fireLevel(chain, TUESDAY_03);
        String body = """
                {"event":{"id":"01","event_type":"incident.acknowledged","resource_type":"incident",
                 "occurred_at":"2026-11-03T03:02:00Z","agent":{"summary":"Tenex Engineer","type":"user_reference"},
                 "data":{"id":"PGR0VU2","type":"incident","status":"acknowledged","incident_key":"%d"}}}""".formatted(p1.id());
        mvc.perform(post("/api/oncall/pagerduty").contentType("application/json").content(body)
                .header("X-PagerDuty-Signature", "v1=" + "0".repeat(64))).andExpect(status().isUnauthorized());
        assertThat(incidents.find(p1.id()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);

        mvc.perform(post("/api/oncall/pagerduty").contentType("application/json").content(body)
                        .header("X-PagerDuty-Signature", "v1=" + "1".repeat(64) + ",v1=" + hmac("test-pagerduty-secret", body)))
                .andExpect(status().isAccepted())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.outcome").value("acknowledged"));
        IncidentView acknowledged = incidents.find(p1.id()).orElseThrow();
        assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(acknowledged.timeline()).anySatisfy(t -> assertThat(t.actor()).isEqualTo("pagerduty:Tenex Engineer"));
        assertThat(chain).isEnded();

        String other = body.replace("\"" + p1.id() + "\"", "\"987654321\"");
        mvc.perform(post("/api/oncall/pagerduty").contentType("application/json").content(other)
                        .header("X-PagerDuty-Signature", "v1=" + hmac("test-pagerduty-secret", other)))
                .andExpect(status().isAccepted())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.outcome")
                        .value(org.hamcrest.Matchers.startsWith("ignored")));
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre");
    }

    static String hmac(String secret, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * A severity whose policy has no level and no routing key (P3 by default) pages nobody: the
     * incident process starts no chain for it, so opening it costs no job and no child process
     * (issue #21); giving P3 a level starts the chain again.
     */
    @Test
    void aSeverityThatPagesNobodyStartsNoChain() {
        IncidentView p3 = open(Severity.P3, Environment.PRODUCTION);
        ProcessInstance pi = incidentProcess(p3);
        assertThat(pi).hasPassed("EndEvent_NoChain").hasNotPassed("CallActivity_ResponseChain");
        assertThat(jobQuery().processInstanceId(pi.getId()).activityId("CallActivity_ResponseChain").count()).isZero();
        assertThat(chains(pi)).isEmpty();
        incidents.resolve(p3.id(), null, Cause.INTERNAL, "sre");

        // a P1 still starts its chain
        IncidentView p1 = open(Severity.P1, Environment.PRODUCTION);
        assertThat(incidentProcess(p1)).hasNotPassed("EndEvent_NoChain");
        assertThat(startChain(p1)).isNotNull();
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre");

        // P3 with a PagerDuty routing key and no level: the response chain starts (to trigger PagerDuty);
        // then with a level and no key: it starts (to page the level)
        EscalationPolicy quiet = policies.get("P3");
        try {
            policies.update("P3", new EscalationPolicy("P3", 0, 30, "R0UTE3", List.of()), "admin");
            IncidentView keyed = open(Severity.P3, Environment.PRODUCTION);
            assertThat(incidentProcess(keyed)).hasNotPassed("EndEvent_NoChain");
            incidents.resolve(keyed.id(), null, Cause.INTERNAL, "sre");
            policies.update("P3", new EscalationPolicy("P3", 0, 30, null,
                    List.of(new EscalationPolicy.Level(0, "ROLE", "SRE"))), "admin");
            IncidentView levelled = open(Severity.P3, Environment.PRODUCTION);
            assertThat(incidentProcess(levelled)).hasNotPassed("EndEvent_NoChain");
            incidents.resolve(levelled.id(), null, Cause.INTERNAL, "sre");
        }
        finally {
            policies.update("P3", quiet, "admin");
        }
    }

    /**
     * Lean history (issue #21): no variable-detail rows and no job-created log rows, while the
     * variable instances, activities and each job's success stay in history.
     */
    @Test
    void historyKeepsWhatIsReadAndDropsTheRest() {
        IncidentView p1 = open(Severity.P1, Environment.PRODUCTION);
        ProcessInstance pi = incidentProcess(p1);
        ProcessInstance chain = startChain(p1);
        var history = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).count()).isPositive();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).count()).isPositive();
        assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(chain.getId()).count()).isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(pi.getId()).creationLog().count()).isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(pi.getId()).successLog()
                .activityIdIn("CallActivity_ResponseChain").count()).isEqualTo(1);
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre");
    }

    @Test
    void aStagingIncidentPagesNobody() {
        IncidentView staging = open(Severity.P1, Environment.STAGING);
        assertThat(startChain(staging)).as("the chain ended at once").isNull();
        var history = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService();
        var ended = history.createHistoricProcessInstanceQuery().processDefinitionKey(EscalationChainProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(staging.id())).singleResult();
        assertThat(ended.getState()).isEqualTo("COMPLETED");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ended.getId())
                .activityId("EndEvent_Quiet").count()).isEqualTo(1);
        assertThat(escalations.pages(staging.id())).singleElement()
                .satisfies(p -> assertThat(p.note()).contains("staging incident (quiet rule)"));
        incidents.resolve(staging.id(), null, Cause.INTERNAL, "sre");
    }

    @Test
    void theOneClickLinkAcknowledgesOnceAndExpiresWithTheResolution() throws Exception {
        IncidentView p1 = open(Severity.P1, Environment.PRODUCTION);
        ProcessInstance chain = startChain(p1);
        fireLevel(chain, TUESDAY_03);
        MailDelivery.deliverAll(context);
        String token = token(receiver.received("/sms", "page:" + p1.id() + ":").get(0).body());

        // opening the link acknowledges nothing (mail scanners follow links); the button does
        mvc.perform(get("/ack/" + token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Acknowledge incident #" + p1.id())));
        assertThat(incidents.find(p1.id()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
        mvc.perform(post("/ack/" + token).with(csrf())).andExpect(status().isOk());
        IncidentView acknowledged = incidents.find(p1.id()).orElseThrow();
        assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(acknowledged.timeline()).anySatisfy(t -> {
            assertThat(t.action()).isEqualTo("acknowledged");
            assertThat(t.actor()).isEqualTo("sre");
        });
        assertThat(chain).isEnded();
        // single use
        mvc.perform(post("/ack/" + token).with(csrf())).andExpect(status().isGone());
        mvc.perform(get("/ack/" + token)).andExpect(status().isGone());
        // it opens nothing else: the incident page still wants a sign-in
        mvc.perform(get("/sre/incidents/" + p1.id())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/ack/not-a-token")).andExpect(status().isNotFound());

        // a link not yet used dies with the resolution
        String unused = token(escalations.issueAckLink(p1.id(), "sre2"));
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre");
        mvc.perform(post("/ack/" + unused).with(csrf())).andExpect(status().isGone());
    }

    @Test
    void aMissedResolutionTargetStartsTheBreachChainUntilTheIncidentIsResolved() {
        IncidentView p2 = open(Severity.P2, Environment.PRODUCTION);
        ProcessInstance response = startChain(p2);
        fireLevel(response, TUESDAY_03);
        TestClock.pin(TUESDAY_03.plus(Duration.ofMinutes(3)));
        incidents.acknowledge(p2.id(), "sre");
        assertThat(response).isEnded();

        ProcessInstance incident = incidentProcess(p2);
        Instant due = incidents.find(p2.id()).orElseThrow().resolutionDueAt();
        TestClock.pin(due);
        Job missed = jobQuery().processInstanceId(incident.getId()).activityId("IntermediateCatchEvent_ResolutionMissed")
                .singleResult();
        managementService().executeJob(missed.getId());
        ProcessInstance breach = chains(incident).stream().filter(pi -> !pi.isEnded()).findFirst().orElseThrow();
        fireLevel(breach, due);
        assertThat(escalations.pages(p2.id())).filteredOn(p -> p.chain().equals("resolution"))
                .extracting(PageRecord::level, PageRecord::username, PageRecord::channel)
                .contains(tuple(1, "sre", "EMAIL"));

        incidents.resolve(p2.id(), null, Cause.INTERNAL, "sre");
        assertThat(breach).isEnded();
        assertThat(jobQuery().processInstanceId(breach.getId()).count()).isZero();
    }

    // --- helpers

    private IncidentView open(Severity severity, Environment environment) {
        return incidents.open(new NewIncident("Escalation drill " + System.nanoTime(), null, severity, List.of("core"),
                environment, Impact.OUTAGE, null, null), "sre");
    }

    private ProcessInstance incidentProcess(IncidentView incident) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("incident-response")
                .processInstanceBusinessKey(String.valueOf(incident.id())).singleResult();
    }

    private List<ProcessInstance> chains(ProcessInstance incident) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(incident.getId()).list();
    }

    /** The incident process starts the chain in a job of its own (asynchronously): run it; null when the chain ended at once. */
    private ProcessInstance startChain(IncidentView incident) {
        ProcessInstance pi = incidentProcess(incident);
        Job start = jobQuery().processInstanceId(pi.getId()).activityId("CallActivity_ResponseChain").singleResult();
        managementService().executeJob(start.getId());
        List<ProcessInstance> running = chains(pi);
        return running.isEmpty() ? null : running.get(0);
    }

    private Job chainTimer(ProcessInstance chain) {
        return jobQuery().processInstanceId(chain.getId()).activityId(EscalationChainProcess.LEVEL_DUE).singleResult();
    }

    private void fireLevel(ProcessInstance chain, Instant at) {
        TestClock.pin(at);
        Job timer = chainTimer(chain);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(at);
        managementService().executeJob(timer.getId());
    }

    private JsonNode only(String path, String marker, IncidentView incident) throws Exception {
        List<PagingReceiver.Received> received = receiver.received(path, marker).stream()
                .filter(r -> r.body().contains("\"dedup_key\":\"" + incident.id() + "\"")).toList();
        assertThat(received).as(path + " " + marker + " for #" + incident.id()).hasSize(1);
        assertThat(received.get(0).contentType()).startsWith("application/json");
        return json.readTree(received.get(0).body());
    }

    static String token(String text) {
        Matcher m = ACK_LINK.matcher(text);
        assertThat(m.find()).as("an acknowledge link in " + text).isTrue();
        return m.group(1);
    }
}
