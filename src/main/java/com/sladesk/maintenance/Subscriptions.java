package com.sladesk.maintenance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentGroupRenamed;
import com.sladesk.catalogue.ComponentInfo;
import com.sladesk.catalogue.GroupInfo;
import com.sladesk.notification.Channel;
import com.sladesk.notification.HttpMessage;
import com.sladesk.notification.NotificationAbandoned;
import com.sladesk.notification.Notifications;
import com.sladesk.notification.WebhookAddresses;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationInfo;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who hears of incident updates and maintenance, and how: anyone who subscribes on the status
 * page, by e-mail (confirmed by mail, double opt-in), by a webhook (JSON signed
 * {@code X-SlaDesk-Signature: sha256=<HMAC-SHA256 of the body with its secret>}) or by a
 * Slack-compatible incoming webhook, each to components or whole groups; and every customer
 * organisation's notice contacts, by default. Links carry random tokens, never ids.
 * <p>
 * Each notice reaches each subscriber once: every delivery is stored in the outbox under the
 * notice's key and the subscriber's, so telling the same notice again stores nothing new. A webhook
 * whose delivery keeps failing is retried with backoff for {@code sladesk.webhooks.retry-for} (24
 * hours), then disabled, and its owner is mailed.
 */
@Service
@Transactional
public class Subscriptions {

    public static final String SIGNATURE_HEADER = "X-SlaDesk-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WEBHOOK_KEY = Pattern.compile("^status:.+:w(\\d+)$");

    /** A webhook just created: its secret is shown this once; {@code token} is its delete link's. */
    public record NewWebhook(long id, String kind, String url, String secret, String token) {
    }

    private final SubscriberRepository subscribers;
    private final WebhookSubscriberRepository webhooks;
    private final Directory directory;
    private final ComponentCatalogue catalogue;
    private final Notifications notifications;
    private final WebhookAddresses addresses;
    private final ObjectMapper json;
    private final Clock clock;
    private final String baseUrl;
    private final Duration webhookRetryFor;

    Subscriptions(SubscriberRepository subscribers, WebhookSubscriberRepository webhooks, Directory directory,
            ComponentCatalogue catalogue, Notifications notifications, WebhookAddresses addresses, ObjectMapper json,
            Clock clock, @Value("${sladesk.mail.base-url:http://localhost:8080}") String baseUrl,
            @Value("${sladesk.webhooks.retry-for:PT24H}") Duration webhookRetryFor) {
        this.subscribers = subscribers;
        this.webhooks = webhooks;
        this.directory = directory;
        this.catalogue = catalogue;
        this.notifications = notifications;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.webhookRetryFor = webhookRetryFor;
    }

    /** Records an e-mail subscription and mails the confirmation link (double opt-in). */
    public void subscribe(String email, Set<String> components) {
        subscribe(email, components, Set.of());
    }

    /** As {@link #subscribe(String, Set)}, to components and whole groups (none of either: everything). */
    public void subscribe(String email, Set<String> components, Set<String> groups) {
        String address = email.trim().toLowerCase();
        validate(components, groups);
        Subscriber subscriber = subscribers.findByEmailIgnoreCase(address).orElse(null);
        if (subscriber != null && subscriber.isActive()) {
            return; // already subscribed: say nothing either way, so addresses cannot be probed
        }
        String token = newToken();
        if (subscriber == null) {
            subscriber = subscribers.save(new Subscriber(address, token, Subscriber.Source.PUBLIC, components, groups,
                    clock.instant()));
        }
        else {
            subscriber.resubscribe(token, components, groups);
        }
        List<String> what = new ArrayList<>(components);
        groups.forEach(g -> what.add(g + " (group)"));
        notifications.queue(address, "Confirm your SLA Desk status subscription", "subscription-confirm",
                Map.of("token", token, "components", what.isEmpty() ? "all components" : String.join(", ", what)));
    }

    /**
     * Records a webhook ({@code webhook}) or Slack-compatible ({@code slack}) subscription, active at
     * once; {@code url} must be http(s) and public (SSRF), {@code ownerEmail} hears if it is disabled.
     */
    public NewWebhook subscribeWebhook(String kind, String url, String ownerEmail, Set<String> components,
            Set<String> groups) {
        WebhookSubscriber.Kind type = switch (kind == null ? "" : kind.trim().toLowerCase()) {
            case "webhook" -> WebhookSubscriber.Kind.WEBHOOK;
            case "slack" -> WebhookSubscriber.Kind.SLACK;
            default -> throw new InvalidInputException("channel", "format", "'" + kind + "' is not one of email, webhook, slack");
        };
        addresses.check("url", url);
        validate(components, groups);
        String secret = newToken();
        WebhookSubscriber subscriber = webhooks.save(new WebhookSubscriber(type, url.trim(), secret,
                ownerEmail.trim().toLowerCase(), newToken(), components, groups, clock.instant()));
        return new NewWebhook(subscriber.getId(), type.name().toLowerCase(), subscriber.getUrl(), secret,
                subscriber.getToken());
    }

    public void confirm(String token) {
        find(token).confirm(clock.instant());
    }

    /** The one-click link of every notice: unsubscribes an address, or deletes a webhook. */
    public void unsubscribe(String token) {
        WebhookSubscriber webhook = webhooks.findByToken(token).orElse(null);
        if (webhook != null) {
            webhook.delete(clock.instant());
            return;
        }
        find(token).unsubscribe(clock.instant());
    }

    /** Tells every subscriber who wants {@code notice} of it, once each (a second call stores nothing new). */
    public void deliver(StatusNotice notice) {
        deliver(notice, audience());
    }

    /**
     * Everyone a notice may reach, read once for many notices: the status-page fan-out tells up to
     * 50 public updates a round, and reading the subscribers, the organisations' notice contacts
     * and the webhooks for each of them cost more than telling it (issue #21). Creates the
     * subscriptions of notice contacts that have none yet, as {@link #deliver(StatusNotice)} does.
     */
    public Audience audience() {
        List<Subscriber> everyone = new ArrayList<>(subscribers.findAll());
        Map<String, Set<String>> contracts = contractsByContact(everyone);
        return new Audience(everyone.stream().filter(Subscriber::isActive).toList(), contracts,
                webhooks.findByDisabledAtIsNullAndDeletedAtIsNull());
    }

    /** Who a round of notices goes to ({@link #audience()}); its subscribers are read-only copies. */
    public static final class Audience {
        private final List<Subscriber> subscribers;
        private final Map<String, Set<String>> contracts;
        private final List<WebhookSubscriber> webhooks;

        private Audience(List<Subscriber> subscribers, Map<String, Set<String>> contracts,
                List<WebhookSubscriber> webhooks) {
            this.subscribers = List.copyOf(subscribers);
            this.contracts = Map.copyOf(contracts);
            this.webhooks = List.copyOf(webhooks);
        }
    }

    /** As {@link #deliver(StatusNotice)}, to an audience read before (by {@link #audience()}). */
    public void deliver(StatusNotice notice, Audience audience) {
        Set<String> components = new LinkedHashSet<>(notice.components());
        Set<String> groups = groupsOf(components);
        Map<String, Set<String>> contracts = audience.contracts;
        String link = baseUrl + notice.path();
        for (Subscriber s : audience.subscribers) {
            boolean wanted = s.getSource() == Subscriber.Source.ORGANISATION && notice.contractScoped()
                    ? covers(contracts.get(s.getEmail()), components)
                    : s.wants(components, groups);
            if (wanted) {
                Map<String, Object> model = new HashMap<>();
                model.put("heading", notice.subject());
                model.put("lines", notice.lines());
                model.put("link", link);
                model.put("token", s.getToken());
                notifications.queueBulkOnce(key(notice, "e" + s.getId()), s.getEmail(), notice.subject(),
                        notice.attachments().isEmpty() ? "status-notice" : "maintenance-notice", model,
                        notice.attachments());
            }
        }
        for (WebhookSubscriber w : audience.webhooks) {
            if (wants(w.getComponents(), w.getGroups(), components, groups)) {
                notifications.postBulk(message(w, notice, link));
            }
        }
    }

    private HttpMessage message(WebhookSubscriber w, StatusNotice notice, String link) {
        String key = key(notice, "w" + w.getId());
        Map<String, Object> body = new LinkedHashMap<>();
        String deleteLink = baseUrl + "/status/unsubscribe?token=" + w.getToken();
        if (w.getKind() == WebhookSubscriber.Kind.SLACK) {
            // the format Slack, Mattermost and Rocket.Chat incoming webhooks accept; they ignore the key
            body.put("text", "*" + notice.subject() + "*\n" + String.join("\n", notice.lines()) + "\n" + link
                    + "\nStop these messages: " + deleteLink);
            body.put("idempotencyKey", key);
        }
        else {
            body.put("idempotencyKey", key);
            body.put("type", notice.type());
            body.put("url", link);
            body.putAll(notice.payload());
            body.put("unsubscribeUrl", deleteLink);
        }
        String text;
        try {
            text = json.writeValueAsString(body);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> headers = w.getKind() == WebhookSubscriber.Kind.WEBHOOK
                ? Map.of(SIGNATURE_HEADER, "sha256=" + hmac(w.getSecret(), text)) : Map.of();
        return new HttpMessage(w.getKind() == WebhookSubscriber.Kind.SLACK ? Channel.SLACK : Channel.WEBHOOK,
                w.getUrl(), "application/json", text, notice.subject(), key, headers, webhookRetryFor);
    }

    /** HMAC-SHA256 of {@code body} with {@code secret}, in lower-case hex: what the signature header carries. */
    public static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A webhook's delivery was given up (it failed for the retry time, or was refused for good):
     * the webhook is disabled, and its owner is mailed once.
     */
    @EventListener
    void on(NotificationAbandoned abandoned) {
        Matcher m = abandoned.idempotencyKey() == null ? null : WEBHOOK_KEY.matcher(abandoned.idempotencyKey());
        if (m == null || !m.matches()) {
            return;
        }
        webhooks.findById(Long.parseLong(m.group(1))).filter(WebhookSubscriber::isActive).ifPresent(w -> {
            w.disable(abandoned.lastError(), clock.instant());
            notifications.queueOnce("webhook-disabled:" + w.getId(), w.getOwnerEmail(),
                    "Your SLA Desk status webhook was disabled", "message",
                    Map.of("heading", "Your status webhook was disabled",
                            "lines", List.of("The webhook " + w.getUrl().replaceAll("^(https?://[^/]+).*$", "$1/…")
                                    + " stopped answering: a notice could not be delivered for "
                                    + webhookRetryFor.toHours() + " hours (last error: " + abandoned.lastError() + ").",
                                    "No more notices will be sent to it. Subscribe it again on the status page: "
                                            + baseUrl + "/status")));
        });
    }

    /** Subscriptions to a group follow its new name. */
    @EventListener
    void on(ComponentGroupRenamed renamed) {
        subscribers.renameGroup(renamed.before(), renamed.after());
        webhooks.renameGroup(renamed.before(), renamed.after());
    }

    /** Whether a subscription to {@code components} and {@code groups} (none of either: all) wants a notice. */
    static boolean wants(Set<String> components, Set<String> groups, Set<String> noticeComponents,
            Set<String> noticeGroups) {
        return components.isEmpty() && groups.isEmpty() || noticeComponents.isEmpty()
                || components.stream().anyMatch(noticeComponents::contains)
                || groups.stream().anyMatch(noticeGroups::contains);
    }

    private static boolean covers(Set<String> contract, Set<String> components) {
        return contract == null || contract.isEmpty() || components.isEmpty()
                || contract.stream().anyMatch(components::contains);
    }

    private static String key(StatusNotice notice, String subscriber) {
        return "status:" + notice.key() + ":" + subscriber;
    }

    private Set<String> groupsOf(Set<String> components) {
        return catalogue.all().stream().filter(c -> components.contains(c.code()) && c.group() != null)
                .map(ComponentInfo::group).collect(Collectors.toSet());
    }

    /**
     * Each notice contact's contract components (their union over organisations), creating the
     * subscriptions of contacts not among {@code everyone} yet (and adding them to it).
     */
    private Map<String, Set<String>> contractsByContact(List<Subscriber> everyone) {
        Map<String, Set<String>> contracts = new HashMap<>();
        Set<String> known = everyone.stream().map(s -> s.getEmail().toLowerCase())
                .collect(Collectors.toCollection(HashSet::new));
        for (OrganisationInfo organisation : directory.organisationsWithNoticeContacts()) {
            for (String contact : organisation.contactEmails()) {
                String address = contact.toLowerCase();
                if (known.add(address)) {
                    everyone.add(subscribers.save(new Subscriber(address, newToken(), Subscriber.Source.ORGANISATION,
                            new HashSet<>(), new HashSet<>(), clock.instant())));
                }
                contracts.computeIfAbsent(address, a -> new HashSet<>()).addAll(organisation.components());
            }
        }
        return contracts;
    }

    private void validate(Set<String> components, Set<String> groups) {
        List<String> unknown = catalogue.unknownCodes(components);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("components", "unknown", "not in the catalogue: " + String.join(", ", unknown));
        }
        Set<String> known = catalogue.groups().stream().map(GroupInfo::name).collect(Collectors.toSet());
        List<String> unknownGroups = groups.stream().filter(g -> !known.contains(g)).toList();
        if (!unknownGroups.isEmpty()) {
            throw new InvalidInputException("groups", "unknown", "not a component group: " + String.join(", ", unknownGroups));
        }
    }

    private Subscriber find(String token) {
        return subscribers.findByToken(token).orElseThrow(() -> new NotFoundException("Subscription", "for this link"));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
