package com.sladesk.communication;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import com.sladesk.maintenance.Subscriptions;
import com.sladesk.notification.MailDelivery;
import com.sladesk.oncall.PagingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is delivered twice across a node restart: node A tells a webhook of two updates and
 * delivers them (the receiver answers the first with a 500), then stops; node B, on the same
 * database, finds the updates told (and, told again as a node that died before marking them would,
 * stores nothing new), delivers the one that failed, and never the one delivered. Each idempotency
 * key reaches the receiver with a 2xx exactly once. The engine clock moves past the backoff.
 */
@Tag("clock")
class StatusWebhookRestartTests {

    /** Other tests' mail, due at these times too, is delivered rather than left in the way. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp =
            new com.icegreen.greenmail.junit5.GreenMailExtension(com.icegreen.greenmail.util.ServerSetupTest.SMTP);

    static final Instant T0 = Instant.parse("2026-11-06T09:00:00Z");

    ConfigurableApplicationContext node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        TestClock.runFromStart();
    }

    @Test
    void eachUpdateReachesTheWebhookOnceAcrossANodeRestart() throws Exception {
        String path = "/hooks/restart-" + System.nanoTime();
        try (PagingReceiver receiver = new PagingReceiver()) {
            receiver.answer(path, 500);
            TestClock.pin(T0);
            node = start("a");
            tellAndDeliver(T0); // what other tests left: not ours
            Subscriptions.NewWebhook hook = node.getBean(Subscriptions.class).subscribeWebhook("webhook",
                    receiver.url(path), "owner@example.org", Set.of("api"), Set.of());
            IncidentView incident = node.getBean(IncidentService.class).open(new NewIncident("Restart check "
                    + System.nanoTime(), null, Severity.P2, List.of("api"), Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre");
            node.getBean(PublicIncidents.class).post(incident.id(), new PublicUpdate("identified", "Found it.", null), "sre");
            tellAndDeliver(T0.plusSeconds(5));
            List<PagingReceiver.Received> atA = receiver.received(path, "");
            assertThat(atA).as("both sent once by node A, the first refused with a 500").hasSize(2);

            node.close(); // node A stops: the failed delivery is a PENDING row
            node = start("b");
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            long stored = jdbc.queryForObject("select count(*) from notification where recipient = ?", Long.class, receiver.url(path));
            jdbc.update("update public_incident_update set fanned_out_at = null where incident_id = ?", incident.id());
            assertThat(node.getBean(StatusNoticeFanOut.class).fanOutDue()).isEqualTo(2);
            assertThat(jdbc.queryForObject("select count(*) from notification where recipient = ?", Long.class,
                    receiver.url(path))).as("told again, stored nothing new").isEqualTo(stored).isEqualTo(2);
            for (int minutes : new int[] { 1, 10, 60, 120 }) {
                tellAndDeliver(T0.plus(Duration.ofMinutes(minutes)));
            }

            List<PagingReceiver.Received> all = receiver.received(path, "");
            assertThat(all).hasSize(3);
            ObjectMapper json = new ObjectMapper();
            List<String> keys = all.stream().map(r -> read(json, r.body())).toList();
            assertThat(keys.get(2)).as("node B sent only the one refused at A").isEqualTo(keys.get(0));
            assertThat(Set.copyOf(keys)).hasSize(2);
            assertThat(all).allSatisfy(r -> assertThat(r.signature())
                    .isEqualTo("sha256=" + StatusWebhookTests.hmac(hook.secret(), r.body())));
            node.getBean(IncidentService.class).resolve(incident.id(), null, Cause.INTERNAL, "sre");
            node.getBean(Subscriptions.class).unsubscribe(hook.token());
            DrillResults.record("Status webhook across a node restart", "2 updates, 3 requests (one 500 at node A, "
                    + "its retry at node B), each key delivered once");
        }
    }

    private static String read(ObjectMapper json, String body) {
        try {
            return json.readTree(body).get("idempotencyKey").asText();
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void tellAndDeliver(Instant at) {
        TestClock.pin(at);
        node.getBean(StatusNoticeFanOut.class).fanOutDue();
        MailDelivery.deliverAll(node);
    }

    private static ConfigurableApplicationContext start(String name) {
        return TestNodes.start(StatusWebhookRestartTests.class, "webhook" + name);
    }
}
