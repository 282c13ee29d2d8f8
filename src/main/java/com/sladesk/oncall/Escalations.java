package com.sladesk.oncall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.incident.IncidentAcknowledged;
import com.sladesk.incident.IncidentResolved;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentStatus;
import com.sladesk.incident.IncidentView;
import com.sladesk.notification.Channel;
import com.sladesk.notification.HttpMessage;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import com.sladesk.organisation.UserAccount;
import com.sladesk.system.ConflictException;
import com.sladesk.system.EscalationChainPlan;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.ProcessSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the {@code escalation-chain} process does at each step: plans the chain from the
 * severity's policy (a snapshot, so an edit does not change a running chain), pages one level
 * (its people on each of their channels, through the outbox, each page once by its idempotency
 * key), and sends PagerDuty its trigger, acknowledge and resolve. Also the one-click
 * acknowledge links: single-use, void once the incident is resolved, good for nothing else.
 */
@Service
@Transactional(readOnly = true)
public class Escalations implements EscalationChainPlan {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IncidentService incidents;
    private final EscalationPolicies policies;
    private final OnCallSchedules schedules;
    private final PagingContacts contacts;
    private final PagingProperties properties;
    private final Notifications notifications;
    private final Directory directory;
    private final ProcessSteps process;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final String baseUrl;

    Escalations(IncidentService incidents, EscalationPolicies policies, OnCallSchedules schedules,
            PagingContacts contacts, PagingProperties properties, Notifications notifications, Directory directory,
            ProcessSteps process, JdbcClient jdbc, ObjectMapper json, Clock clock,
            @Value("${sladesk.mail.base-url:http://localhost:8080}") String baseUrl) {
        this.incidents = incidents;
        this.policies = policies;
        this.schedules = schedules;
        this.contacts = contacts;
        this.properties = properties;
        this.notifications = notifications;
        this.directory = directory;
        this.process = process;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** The chain's plan: its policy snapshot (JSON) and its steps; no steps for a quiet incident. */
    public record Plan(String policy, List<EscalationPolicy.Step> steps, String quietReason) {
    }

    /**
     * Whether a chain for this incident would do anything: page a level, trigger PagerDuty (the
     * response chain with a routing key), or record that a quiet environment pages nobody. The
     * incident process asks before it starts the chain, so an incident whose severity pages nobody
     * (P3 and P4 by default) costs no job and no process instance (issue #21).
     */
    @Override
    @Transactional(readOnly = true)
    public boolean chainNeeded(long incidentId, String chain) {
        IncidentView incident = incident(incidentId);
        String environment = incident.environment().name().toLowerCase();
        if (properties.quietEnvironments().stream().anyMatch(e -> e.equalsIgnoreCase(environment))) {
            return true;
        }
        return policies.pagesAnyone(incident.severity().name(), "response".equals(chain));
    }

    /**
     * Plans a chain for the incident: {@code response} (started with the response clock) or
     * {@code resolution} (started by a missed resolution target). A quiet incident (its
     * environment in {@code sladesk.paging.quiet-environments}) gets no steps.
     */
    @Transactional
    public Plan plan(long incidentId, String chain) {
        IncidentView incident = incident(incidentId);
        EscalationPolicy policy = policies.get(incident.severity().name());
        String environment = incident.environment().name().toLowerCase();
        if (properties.quietEnvironments().stream().anyMatch(e -> e.equalsIgnoreCase(environment))) {
            record(incidentId, chain, 0, 0, "quiet", null, null, null, "no page: " + environment + " incident (quiet rule)");
            return new Plan(write(policy), List.of(), "quiet: " + environment);
        }
        if ("response".equals(chain) && policy.routingKey() != null) {
            pagerDuty(incident, "trigger", policy.routingKey());
        }
        return new Plan(write(policy), policy.steps(clock.instant()), null);
    }

    /** Pages level {@code level} (1-based) of pass {@code pass}, as the snapshot {@code policyJson} says. */
    @Transactional
    public int page(long incidentId, String chain, int pass, int level, String policyJson) {
        IncidentView incident = incident(incidentId);
        if (incident.status() == IncidentStatus.RESOLVED
                || ("response".equals(chain) && incident.status() != IncidentStatus.OPEN)) {
            // the process ends the chain in the same transaction as the acknowledgement; this is a second guard
            return 0;
        }
        EscalationPolicy policy = read(policyJson);
        EscalationPolicy.Level target = policy.levels().get(level - 1);
        String label = target.targetType().toLowerCase() + " " + target.target();
        List<String> people = new ArrayList<>();
        switch (target.targetType()) {
            case "SCHEDULE" -> {
                if (!schedules.exists(target.target())) {
                    record(incidentId, chain, pass, level, label, null, null, null, "schedule deleted: nobody paged");
                    return 0;
                }
                Optional<String> who = schedules.onCall(target.target(), clock.instant());
                if (who.isEmpty()) {
                    record(incidentId, chain, pass, level, label, null, null, null, "gap in the schedule: nobody on call");
                    return 0;
                }
                people.add(who.get());
            }
            case "USER" -> people.add(target.target());
            default -> people.addAll(roleMembers(target.target()));
        }
        int sent = 0;
        for (String username : people) {
            Optional<UserAccount> user = directory.findUser(username).filter(UserAccount::enabled);
            if (user.isEmpty()) {
                record(incidentId, chain, pass, level, label, username, null, null, "not an active user: not paged");
                continue;
            }
            sent += pagePerson(incident, chain, pass, level, label, user.get());
        }
        if (people.isEmpty()) {
            record(incidentId, chain, pass, level, label, null, null, null, "nobody holds this role");
        }
        return sent;
    }

    /**
     * Pages the holders of {@code role} on their own channels (SMS, voice, Slack-compatible) with
     * {@code text}, once per {@code key}: how an alarm that is not an incident (the 10x burn-rate
     * page) reaches people beyond its e-mail. Returns how many deliveries were stored.
     */
    @Transactional
    public int pageRole(String role, String subject, String text, String key) {
        int sent = 0;
        for (String username : roleMembers(role)) {
            for (Map.Entry<String, String> contact : contacts.of(username).entrySet()) {
                Long id = send(contact.getKey(), contact.getValue(), subject, text,
                        key + ":" + username + ":" + contact.getKey());
                sent += id == null ? 0 : 1;
            }
        }
        return sent;
    }

    private List<String> roleMembers(String role) {
        if ("SRE_LEAD".equals(role)) {
            return process.groupMembers(OnCallSchedules.SRE_LEAD_GROUP);
        }
        Role r = Role.valueOf(role);
        return directory.allUsers().stream().filter(u -> u.role() == r && u.enabled()).map(UserAccount::username)
                .sorted().toList();
    }

    private int pagePerson(IncidentView incident, String chain, int pass, int level, String label, UserAccount user) {
        String key = "page:" + incident.id() + ":" + chain + ":" + pass + ":" + level + ":" + user.username();
        String ackUrl = baseUrl + "/ack/" + ackToken(incident.id(), user.username());
        String what = "resolution".equals(chain) ? "resolution target missed" : "needs acknowledging";
        String subject = "[%s] PAGE: incident #%d %s: %s".formatted(incident.severity(), incident.id(), what,
                incident.title());
        String shortText = "[%s] SLA Desk page: #%d %s (%s). Acknowledge: %s".formatted(incident.severity(),
                incident.id(), incident.title(), what, ackUrl);
        int sent = 0;
        long mail = notifications.queueOnce(key + ":EMAIL", user.email(), subject, "page",
                Map.of("heading", subject, "incidentId", incident.id(), "ackUrl", ackUrl, "lines", List.of(
                        "You are paged (" + label + ", level " + level + ", pass " + pass + ").",
                        "Incident #" + incident.id() + " (" + incident.severity() + "): " + incident.title(),
                        "Components: " + String.join(", ", incident.components()),
                        "Opened " + incident.openedAt() + "; response due " + incident.responseDueAt() + ".")));
        record(incident.id(), chain, pass, level, label, user.username(), "EMAIL", mail, null);
        sent++;
        Map<String, String> channels = contacts.of(user.username());
        for (Map.Entry<String, String> contact : channels.entrySet()) {
            String channelKey = key + ":" + contact.getKey();
            String text = contact.getKey().equals("VOICE") ? "SLA Desk page. " + incident.severity() + " incident "
                    + incident.id() + ": " + incident.title() + ". Acknowledge with the link sent by text or mail."
                    : shortText;
            Long id = send(contact.getKey(), contact.getValue(), subject, text, channelKey);
            if (id == null) {
                record(incident.id(), chain, pass, level, label, user.username(), contact.getKey(), null,
                        "no " + contact.getKey().toLowerCase() + " provider configured (sladesk.paging)");
                continue;
            }
            record(incident.id(), chain, pass, level, label, user.username(), contact.getKey(), id, null);
            sent++;
        }
        return sent;
    }

    /** One person's contact on its channel, through the outbox; null when its provider is not configured. */
    private Long send(String channel, String address, String subject, String text, String key) {
        return switch (channel) {
            case "SMS" -> provider(properties.sms(), Channel.SMS, address, text, key);
            case "VOICE" -> provider(properties.voice(), Channel.VOICE, address, text, key);
            case "SLACK" -> notifications.post(new HttpMessage(Channel.SLACK, address, "application/json",
                    write(slack(text, key)), subject, key));
            default -> null;
        };
    }

    private static Map<String, Object> slack(String text, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("username", "SLA Desk");
        body.put("idempotency_key", key);
        return body;
    }

    private Long provider(PagingProperties.Provider provider, Channel channel, String to, String message, String key) {
        if (!provider.configured()) {
            return null;
        }
        String body = provider.bodyTemplate().replace("{to}", jsonString(to)).replace("{message}", jsonString(message))
                .replace("{key}", jsonString(key));
        return notifications.post(new HttpMessage(channel, provider.url(), "application/json", body,
                channel + " page to " + to, key));
    }

    /** PagerDuty Events API v2: trigger, acknowledge or resolve, dedup_key the incident id. */
    private void pagerDuty(IncidentView incident, String action, String routingKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", routingKey);
        body.put("event_action", action);
        body.put("dedup_key", String.valueOf(incident.id()));
        if (action.equals("trigger")) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("summary", "[" + incident.severity() + "] " + incident.title());
            payload.put("source", "sla-desk");
            payload.put("severity", switch (incident.severity()) {
                case P1 -> "critical";
                case P2 -> "error";
                case P3 -> "warning";
                case P4 -> "info";
            });
            payload.put("timestamp", incident.openedAt().toString());
            payload.put("component", String.join(",", incident.components()));
            payload.put("custom_details", Map.of("incident", incident.id(), "response_due_at",
                    incident.responseDueAt().toString(), "resolution_due_at", incident.resolutionDueAt().toString()));
            body.put("payload", payload);
            body.put("client", "SLA Desk");
            body.put("client_url", baseUrl + "/sre/incidents/" + incident.id());
            body.put("links", List.of(Map.of("href", baseUrl + "/sre/incidents/" + incident.id(), "text", "SLA Desk incident")));
        }
        String key = "pagerduty:" + incident.id() + ":" + action;
        long id = notifications.post(new HttpMessage(Channel.PAGERDUTY, properties.pagerdutyUrl(), "application/json",
                write(body), "PagerDuty " + action + " #" + incident.id(), key));
        record(incident.id(), "pagerduty", 0, 0, "pagerduty:" + routingKey, null, "PAGERDUTY", id, action);
    }

    /** The incident's acknowledgement reaches PagerDuty (when its trigger was sent). */
    @EventListener
    @Transactional
    public void on(IncidentAcknowledged event) {
        routingKeyOf(event.incidentId()).ifPresent(key -> pagerDuty(incident(event.incidentId()), "acknowledge", key));
    }

    /** The resolution reaches PagerDuty (when its trigger was sent); open acknowledge links die with it. */
    @EventListener
    @Transactional
    public void on(IncidentResolved event) {
        routingKeyOf(event.incidentId()).ifPresent(key -> pagerDuty(incident(event.incidentId()), "resolve", key));
    }

    private Optional<String> routingKeyOf(long incidentId) {
        return jdbc.sql("""
                select target from escalation_page where incident_id = :i and channel = 'PAGERDUTY' and note = 'trigger'
                order by id fetch first 1 rows only""").param("i", incidentId).query(String.class).optional()
                .map(t -> t.substring("pagerduty:".length()));
    }

    /** 404 for an unknown incident. */
    public void requireIncident(long id) {
        incident(id);
    }

    /** Every page of an incident's chains, oldest first, with its delivery. */
    public List<PageRecord> pages(long incidentId) {
        List<Object[]> rows = jdbc.sql("""
                select id, chain, pass, level, target, username, channel, notification_id, paged_at, note
                from escalation_page where incident_id = :i order by paged_at, id""").param("i", incidentId)
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), (Long) rs.getObject(8, Long.class), rs.getTimestamp(9).toInstant(),
                        rs.getString(10) })
                .list();
        Set<Long> ids = rows.stream().map(r -> (Long) r[7]).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, NotificationView> deliveries = notifications.views(ids).stream()
                .collect(Collectors.toMap(NotificationView::id, Function.identity()));
        return rows.stream().map(r -> {
            NotificationView d = r[7] == null ? null : deliveries.get((Long) r[7]);
            String target = ((String) r[4]).startsWith("pagerduty:") ? "pagerduty" : (String) r[4];
            return new PageRecord((Long) r[0], incidentId, (String) r[1], (Integer) r[2], (Integer) r[3], target,
                    (String) r[5], (String) r[6], (Long) r[7], (Instant) r[8], (String) r[9],
                    d == null ? null : d.status().name(), d == null ? null : d.sentAt(), d == null ? null : d.receipt());
        }).toList();
    }

    private void record(long incidentId, String chain, int pass, int level, String target, String username,
            String channel, Long notificationId, String note) {
        jdbc.sql("""
                insert into escalation_page (incident_id, chain, pass, level, target, username, channel, notification_id,
                                             paged_at, note)
                values (:i, :c, :p, :l, :t, :u, :ch, :n, :at, :note)""")
                .param("i", incidentId).param("c", chain).param("p", pass).param("l", level).param("t", target)
                .param("u", username).param("ch", channel).param("n", notificationId)
                .param("at", Timestamp.from(clock.instant())).param("note", note).update();
    }

    /** What a PagerDuty webhook did here. */
    public record ChannelAcknowledgement(String outcome, Long incidentId) {
    }

    /**
     * An incident acknowledged in PagerDuty (its v3 webhook, {@code incident.acknowledged}, whose
     * {@code incident_key} is our {@code dedup_key}: the incident id) is acknowledged here by
     * "pagerduty:<who>"; anything else is ignored, and said so.
     */
    @Transactional
    public ChannelAcknowledgement acknowledgeFromPagerDuty(String eventType, String incidentKey, String agent) {
        if (!"incident.acknowledged".equals(eventType)) {
            return new ChannelAcknowledgement("ignored: " + eventType, null);
        }
        if (incidentKey == null || !incidentKey.matches("\\d{1,18}")) {
            return new ChannelAcknowledgement("ignored: not an SLA Desk incident key", null);
        }
        long id = Long.parseLong(incidentKey);
        Optional<IncidentView> incident = incidents.find(id);
        if (incident.isEmpty() || routingKeyOf(id).isEmpty()) {
            return new ChannelAcknowledgement("ignored: no incident " + id + " was sent to PagerDuty", null);
        }
        if (incident.get().status() != IncidentStatus.OPEN) {
            return new ChannelAcknowledgement("already " + incident.get().status().name().toLowerCase(), id);
        }
        String who = agent == null || agent.isBlank() ? "pagerduty" : "pagerduty:" + agent.trim();
        incidents.acknowledge(id, who.length() > 64 ? who.substring(0, 64) : who);
        return new ChannelAcknowledgement("acknowledged", id);
    }

    // --- one-click acknowledge links

    /** What a link may do: acknowledge this incident as this person, once. */
    public record AckLink(long incidentId, String username, String title, String severity, boolean usable, String reason) {
    }

    private String ackToken(long incidentId, String username) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into escalation_ack_link (token_hash, incident_id, username, created_at) values (:h, :i, :u, :t)")
                .param("h", hash(token)).param("i", incidentId).param("u", username)
                .param("t", Timestamp.from(clock.instant())).update();
        return token;
    }

    /** A test's and the API's way to the same link a page carries. */
    @Transactional
    public String issueAckLink(long incidentId, String username) {
        incident(incidentId);
        return baseUrl + "/ack/" + ackToken(incidentId, username);
    }

    public AckLink link(String token) {
        List<Object[]> rows = jdbc.sql("select incident_id, username, used_at from escalation_ack_link where token_hash = :h")
                .param("h", hash(token))
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getTimestamp(3) }).list();
        if (rows.isEmpty()) {
            throw new NotFoundException("Acknowledge link", "(unknown)");
        }
        long incidentId = (Long) rows.get(0)[0];
        String username = (String) rows.get(0)[1];
        IncidentView incident = incident(incidentId);
        String reason = rows.get(0)[2] != null ? "this link was already used"
                : incident.status() == IncidentStatus.RESOLVED ? "the incident is resolved: the link has expired"
                : incident.status() == IncidentStatus.ACKNOWLEDGED ? "the incident was already acknowledged by "
                        + incident.timeline().stream().filter(t -> t.action().equals("acknowledged")).map(t -> t.actor())
                                .findFirst().orElse("someone")
                : null;
        return new AckLink(incidentId, username, incident.title(), incident.severity().name(), reason == null, reason);
    }

    /** Uses the link: acknowledges its incident as its person; a used or expired link is 409. */
    @Transactional
    public IncidentView acknowledgeByLink(String token) {
        AckLink link = link(token);
        if (!link.usable()) {
            throw new ConflictException(link.reason());
        }
        int used = jdbc.sql("update escalation_ack_link set used_at = :t where token_hash = :h and used_at is null")
                .param("t", Timestamp.from(clock.instant())).param("h", hash(token)).update();
        if (used != 1) {
            throw new ConflictException("this link was already used");
        }
        log.info("Incident {} acknowledged by {} with a one-click link", link.incidentId(), link.username());
        return incidents.acknowledge(link.incidentId(), link.username());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    (token == null ? "" : token).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private IncidentView incident(long id) {
        return incidents.find(id).orElseThrow(() -> new NotFoundException("Incident", id));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    EscalationPolicy read(String policy) {
        try {
            return json.readValue(policy, EscalationPolicy.class);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value as a JSON string's content (Jackson's escaping, without the quotes), for the body templates. */
    private String jsonString(String value) {
        String quoted = write(value);
        return quoted.substring(1, quoted.length() - 1);
    }
}
