package com.sladesk.communication;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.notification.MailDelivery;
import com.sladesk.notification.NotificationStatus;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import com.sladesk.oncall.PagingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Status subscribers' webhooks against a real HTTP server (MockWebServer, {@link PagingReceiver}):
 * the JSON (read by Jackson) carries the update and an idempotency key and is signed with the
 * secret shown once, recomputed here; a Slack-compatible webhook gets {@code {"text": …}}; a
 * receiver that answers 500 or too slowly gets the same message again after the backoff; one that
 * fails for 24 hours is disabled and its owner mailed; telling an update twice stores nothing new;
 * the delete link stops them. The engine clock moves past each backoff.
 */
@SlaDeskTest
@Tag("clock")
class StatusWebhookTests {

    /** Other tests' mail, due at these times too, is delivered rather than left in the way. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp =
            new com.icegreen.greenmail.junit5.GreenMailExtension(com.icegreen.greenmail.util.ServerSetupTest.SMTP);

    static final Instant T0 = Instant.parse("2026-11-05T12:00:00Z");
    static final Pattern SECRET = Pattern.compile("id=\"webhook-secret\">([^<]+)<");
    static final Pattern TOKEN = Pattern.compile("unsubscribe\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    @Autowired
    PublicIncidents publicIncidents;

    @Autowired
    StatusNoticeFanOut fanOut;

    @Autowired
    Notifications notifications;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    PagingReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new PagingReceiver();
        TestClock.pin(T0);
        tellAndDeliver(T0); // what earlier tests left to tell is not ours
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        TestClock.runFromStart();
    }

    @Test
    void aSignedUpdateReachesTheWebhookOnceAndASlackHookGetsText() throws Exception {
        String run = "r" + System.nanoTime();
        Subscribed hook = subscribe("webhook", "/hooks/" + run + "/json", "owner@example.org", "components", "core");
        Subscribed slack = subscribe("slack", "/hooks/" + run + "/slack", "owner@example.org", "groups", "Platform");
        Subscribed other = subscribe("webhook", "/hooks/" + run + "/mcp", "owner@example.org", "components", "mcp");
        assertThat(hook.secret()).hasSizeGreaterThan(20);
        assertThat(jdbc.queryForObject("select count(*) from webhook_subscriber where token = ?", Long.class, hook.token()))
                .isOne();

        IncidentView incident = open("Core errors " + run, "core");
        assertThat(fanOut.fanOutDue()).isEqualTo(1);
        assertThat(fanOut.fanOutDue()).as("told once").isZero();
        deliverAt(T0.plusSeconds(5));

        List<PagingReceiver.Received> received = receiver.received("/hooks/" + run + "/json", "");
        assertThat(received).hasSize(1);
        PagingReceiver.Received request = received.get(0);
        assertThat(request.signature()).isEqualTo("sha256=" + hmac(hook.secret(), request.body()));
        JsonNode body = json.readTree(request.body());
        assertThat(body.get("type").asText()).isEqualTo("incident.update");
        assertThat(body.at("/incident/id").asLong()).isEqualTo(incident.id());
        assertThat(body.at("/incident/title").asText()).isEqualTo(incident.title());
        assertThat(body.at("/incident/components/0/impact").asText()).isEqualTo("major_outage");
        assertThat(body.at("/update/status").asText()).isEqualTo("investigating");
        assertThat(body.get("url").asText()).endsWith("/status/incidents/" + incident.id());
        String key = body.get("idempotencyKey").asText();
        assertThat(key).startsWith("status:incident-update:");
        assertThat(body.toString()).doesNotContain("internal detail");

        JsonNode text = json.readTree(receiver.received("/hooks/" + run + "/slack", "").get(0).body());
        assertThat(text.get("text").asText()).contains("Investigating: " + incident.title(), "/status/incidents/" + incident.id());
        assertThat(receiver.received("/hooks/" + run + "/slack", "").get(0).signature()).isNull();
        assertThat(receiver.received("/hooks/" + run + "/mcp", "")).as("not its component").isEmpty();

        // telling it again (a node that died before marking it told) stores and sends nothing new
        jdbc.update("update public_incident_update set fanned_out_at = null where incident_id = ?", incident.id());
        assertThat(fanOut.fanOutDue()).isEqualTo(1);
        deliverAt(T0.plusSeconds(60));
        assertThat(receiver.received("/hooks/" + run + "/json", key)).hasSize(1);

        // the delete link stops it
        mvc.perform(get("/status/unsubscribe").param("token", hook.token())).andExpect(status().isOk());
        publicIncidents.post(incident.id(), new PublicUpdate("identified", "Found it.", null), "sre");
        tellAndDeliver(T0.plusSeconds(120));
        assertThat(receiver.received("/hooks/" + run + "/json", "")).hasSize(1);
        assertThat(receiver.received("/hooks/" + run + "/slack", "Identified")).hasSize(1);
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");
        tellAndDeliver(T0.plusSeconds(180));
        mvc.perform(get("/status/unsubscribe").param("token", slack.token())).andExpect(status().isOk());
        mvc.perform(get("/status/unsubscribe").param("token", other.token())).andExpect(status().isOk());
    }

    @Test
    void aReceiverThatAnswers500OrTooSlowlyGetsTheSameSignedMessageAgain() throws Exception {
        String run = "r" + System.nanoTime();
        String path = "/hooks/" + run + "/flaky";
        receiver.answer(path, 500, -1, 200);
        Subscribed hook = subscribe("webhook", path, "owner@example.org", "components", "api");
        IncidentView incident = open("API flaky " + run, "api");
        tellAndDeliver(T0.plusSeconds(5));
        deliverAt(T0.plus(Duration.ofMinutes(10)));
        deliverAt(T0.plus(Duration.ofMinutes(30)));
        List<PagingReceiver.Received> attempts = receiver.received(path, "");
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(PagingReceiver.Received::body).containsOnly(attempts.get(0).body());
        assertThat(attempts).allSatisfy(a -> assertThat(a.signature()).isEqualTo("sha256=" + hmac(hook.secret(), a.body())));
        NotificationView sent = sentTo(hook);
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");
        mvc.perform(get("/status/unsubscribe").param("token", hook.token())).andExpect(status().isOk());
    }

    @Test
    void aWebhookFailingFor24HoursIsDisabledAndItsOwnerMailed() throws Exception {
        String run = "r" + System.nanoTime();
        String path = "/hooks/" + run + "/down";
        receiver.always(path, 503);
        String owner = "owner-" + run + "@example.org";
        Subscribed hook = subscribe("webhook", path, owner, "components", "data");
        IncidentView incident = open("Data down " + run, "data");
        tellAndDeliver(T0.plusSeconds(5));
        for (int hour = 1; hour <= 23; hour++) {
            deliverAt(T0.plus(Duration.ofHours(hour)));
        }
        assertThat(sentTo(hook).status()).as("still retried within 24 h").isEqualTo(NotificationStatus.PENDING);
        assertThat(disabledAt(hook)).isNull();
        deliverAt(T0.plus(Duration.ofHours(24)));
        deliverAt(T0.plus(Duration.ofHours(25)));
        assertThat(sentTo(hook).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(disabledAt(hook)).isNotNull();
        assertThat(notifications.find(owner, null, 10)).extracting(NotificationView::subject)
                .containsExactly("Your SLA Desk status webhook was disabled");
        int calls = receiver.received(path, "").size();
        assertThat(calls).isBetween(20, 30);

        publicIncidents.post(incident.id(), new PublicUpdate("monitoring", "Recovering.", null), "sre");
        tellAndDeliver(T0.plus(Duration.ofHours(26)));
        assertThat(receiver.received(path, "")).as("a disabled webhook hears nothing more").hasSize(calls);
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");
    }

    @Test
    void aWebhookMustBeHttpAndItsOwnerAnAddress() throws Exception {
        mvc.perform(post("/status/subscribe").with(csrf()).param("channel", "webhook").param("email", "owner@example.org")
                        .param("url", "ftp://files.example.org/hook"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("subscribeError", org.hamcrest.Matchers.startsWith("url: must be an http")));
        mvc.perform(post("/status/subscribe").with(csrf()).param("channel", "carrier-pigeon").param("email", "owner@example.org")
                        .param("url", receiver.url("/x")))
                .andExpect(flash().attribute("subscribeError", org.hamcrest.Matchers.startsWith("channel:")));
        mvc.perform(post("/status/subscribe").with(csrf()).param("channel", "webhook").param("email", "not an address")
                        .param("url", receiver.url("/x")))
                .andExpect(flash().attribute("subscribeError", "Enter a valid email address."));
    }

    record Subscribed(String secret, String token) {
    }

    private Subscribed subscribe(String channel, String path, String owner, String what, String value) throws Exception {
        String page = mvc.perform(post("/status/subscribe").with(csrf()).param("channel", channel)
                        .param("email", owner).param("url", receiver.url(path)).param(what, value))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher secret = SECRET.matcher(page);
        Matcher token = TOKEN.matcher(page);
        assertThat(token.find()).as(page).isTrue();
        return new Subscribed(secret.find() ? secret.group(1) : null, token.group(1));
    }

    private IncidentView open(String title, String component) {
        return incidents.open(new NewIncident(title, "internal detail", Severity.P2, List.of(component),
                Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre");
    }

    private NotificationView sentTo(Subscribed hook) {
        Long id = jdbc.queryForObject("""
                select max(n.id) from notification n join webhook_subscriber w on n.recipient = w.url
                where w.token = ?""", Long.class, hook.token());
        return notifications.get(id);
    }

    private Instant disabledAt(Subscribed hook) {
        java.sql.Timestamp at = jdbc.queryForObject("select disabled_at from webhook_subscriber where token = ?",
                java.sql.Timestamp.class, hook.token());
        return at == null ? null : at.toInstant();
    }

    private void tellAndDeliver(Instant at) {
        TestClock.pin(at);
        fanOut.fanOutDue();
        deliverAt(at);
    }

    /** Runs the outbox at {@code at}, as the scheduled sender would, until nothing due is left to send. */
    private void deliverAt(Instant at) {
        TestClock.pin(at);
        MailDelivery.deliverAll(context);
    }

    /** The signature as a receiver computes it, independently of the code under test. */
    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
