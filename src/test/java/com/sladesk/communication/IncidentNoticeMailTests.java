package com.sladesk.communication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.SlaDeskTest;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.maintenance.Subscriptions;
import com.sladesk.notification.MailDelivery;
import com.sladesk.organisation.OrganisationAdmin;
import com.sladesk.organisation.OrganisationDraft;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident updates by e-mail, read from a real SMTP server (GreenMail): a customer's notice
 * contact hears of incidents on the components its contract covers and not of others; a public
 * subscriber to a group hears of its components; each mail links the incident's page and a
 * one-click unsubscribe.
 */
@SlaDeskTest
class IncidentNoticeMailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    IncidentService incidents;

    @Autowired
    PublicIncidents publicIncidents;

    @Autowired
    StatusNoticeFanOut fanOut;

    @Autowired
    OrganisationAdmin organisations;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void contactsHearOfTheirContractsComponentsAndGroupSubscribersOfTheirGroup() throws Exception {
        fanOut.fanOutDue(); // what other tests posted is told before our subscribers exist
        String run = String.valueOf(System.nanoTime());
        String contact = "noc-" + run + "@customer.example";
        organisations.create(new OrganisationDraft("Notice org " + run, new BigDecimal("1000"), "EUR", contact,
                "billing-" + run + "@customer.example", List.of("mcp")), "admin");
        String watcher = "platform-" + run + "@watcher.example";
        subscriptions.subscribe(watcher, Set.of(), Set.of("Platform"));
        String token = jdbc.queryForObject("select token from subscriber where email = ?", String.class, watcher);
        subscriptions.confirm(token);

        IncidentView mcp = open("MCP down " + run, "mcp");
        IncidentView data = open("Data slow " + run, "data");
        publicIncidents.post(mcp.id(), new PublicUpdate("identified", "A node ran out of memory.\nRestarting it.", null), "sre");
        fanOut.fanOutDue();
        MailDelivery.deliverAll(context);

        List<String> toContact = subjects(contact);
        assertThat(toContact).containsExactlyInAnyOrder("Investigating: " + mcp.title() + " (incident #" + mcp.id() + ")",
                "Identified: " + mcp.title() + " (incident #" + mcp.id() + ")");
        assertThat(subjects(watcher)).containsExactly("Investigating: " + data.title() + " (incident #" + data.id() + ")");
        MimeMessage identified = received(contact).stream()
                .filter(m -> subject(m).startsWith("Identified")).findFirst().orElseThrow();
        String body = GreenMailUtil.getBody(identified);
        assertThat(body).contains("A node ran out of memory.", "Restarting it.", "/status/incidents/" + mcp.id(),
                "/status/unsubscribe?token=");

        // one click, and no more
        subscriptions.unsubscribe(token);
        publicIncidents.post(data.id(), new PublicUpdate("monitoring", "Recovered.", null), "sre");
        fanOut.fanOutDue();
        MailDelivery.deliverAll(context);
        assertThat(subjects(watcher)).containsExactly("Investigating: " + data.title() + " (incident #" + data.id() + ")");
        incidents.resolve(mcp.id(), null, Cause.INTERNAL, "sre");
        incidents.resolve(data.id(), null, Cause.INTERNAL, "sre");
        fanOut.fanOutDue();
    }

    /**
     * More updates than one round takes (50): every one is told, each subscriber stores exactly one
     * notice per update, and a notice contact added between two fan-outs is among the audience of
     * the next (the audience is read once a round, issue #21).
     */
    @Test
    void updatesBeyondOneRoundAreEachToldToEachSubscriberOnce() {
        fanOut.fanOutDue();
        String run = String.valueOf(System.nanoTime());
        String first = "first-" + run + "@customer.example";
        organisations.create(new OrganisationDraft("Round org " + run, new BigDecimal("1000"), "EUR", first,
                "billing-" + run + "@customer.example", List.of("mcp")), "admin");
        IncidentView incident = open("Rounds " + run, "mcp");
        for (int i = 0; i < 119; i++) {
            publicIncidents.post(incident.id(), new PublicUpdate("identified", "Update " + i, null), "sre");
        }
        assertThat(fanOut.fanOutDue()).isEqualTo(120);
        assertThat(jdbc.queryForObject("select count(*) from public_incident_update where incident_id = ? and fanned_out_at is null",
                Integer.class, incident.id())).isZero();
        assertThat(noticesTo(first, incident.id())).containsOnly(1L).hasSize(120);

        String second = "second-" + run + "@customer.example";
        organisations.create(new OrganisationDraft("Later org " + run, new BigDecimal("1000"), "EUR", second,
                "billing2-" + run + "@customer.example", List.of("mcp")), "admin");
        publicIncidents.post(incident.id(), new PublicUpdate("monitoring", "Recovered.", null), "sre");
        assertThat(fanOut.fanOutDue()).isEqualTo(1);
        assertThat(noticesTo(first, incident.id())).containsOnly(1L).hasSize(121);
        assertThat(noticesTo(second, incident.id())).containsOnly(1L).hasSize(1);
        incidents.resolve(incident.id(), null, Cause.INTERNAL, "sre");
        fanOut.fanOutDue();
    }

    /** How many notices each of the incident's updates stored for this address, by update. */
    private List<Long> noticesTo(String address, long incidentId) {
        return jdbc.queryForList("""
                select count(*) from notification n join public_incident_update u
                  on n.idempotency_key like 'status:incident-update:' || u.id || ':%'
                where u.incident_id = ? and lower(n.recipient) = lower(?) group by u.id""", Long.class, incidentId, address);
    }

    private IncidentView open(String title, String component) {
        return incidents.open(new NewIncident(title, null, Severity.P2, List.of(component), Environment.PRODUCTION,
                Impact.DEGRADED, null, null), "sre");
    }

    private List<MimeMessage> received(String address) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                    mails.add(m);
                }
            }
            catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return mails;
    }

    private List<String> subjects(String address) {
        return received(address).stream().map(IncidentNoticeMailTests::subject)
                .filter(s -> !s.equals("Confirm your SLA Desk status subscription")).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
