package com.sladesk.maintenance;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationInfo;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who hears of maintenance: anyone who subscribes on the status page and confirms by mail, and
 * every customer organisation's contacts, by default. Links carry random tokens, never ids.
 */
@Service
@Transactional
public class Subscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriberRepository subscribers;
    private final Directory directory;
    private final ComponentCatalogue catalogue;
    private final Notifications notifications;
    private final Clock clock;

    Subscriptions(SubscriberRepository subscribers, Directory directory, ComponentCatalogue catalogue,
            Notifications notifications, Clock clock) {
        this.subscribers = subscribers;
        this.directory = directory;
        this.catalogue = catalogue;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Records a subscription and mails the confirmation link (double opt-in). */
    public void subscribe(String email, Set<String> components) {
        String address = email.trim().toLowerCase();
        List<String> unknown = catalogue.unknownCodes(components);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("components", "unknown", "not in the catalogue: " + String.join(", ", unknown));
        }
        Subscriber subscriber = subscribers.findByEmailIgnoreCase(address).orElse(null);
        if (subscriber != null && subscriber.isActive()) {
            return; // already subscribed: say nothing either way, so addresses cannot be probed
        }
        String token = newToken();
        if (subscriber == null) {
            subscriber = subscribers.save(new Subscriber(address, token, Subscriber.Source.PUBLIC, components,
                    clock.instant()));
        }
        else {
            subscriber.resubscribe(token, components);
        }
        notifications.queue(address, "Confirm your SLA Desk status subscription", "subscription-confirm",
                Map.of("token", token, "components", components.isEmpty() ? "all components" : String.join(", ", components)));
    }

    public void confirm(String token) {
        find(token).confirm(clock.instant());
    }

    public void unsubscribe(String token) {
        find(token).unsubscribe(clock.instant());
    }

    /** Active subscribers who want notices about these components, organisations' contacts included. */
    List<Subscriber> recipientsFor(Set<String> components) {
        for (OrganisationInfo organisation : directory.allOrganisations()) {
            for (String contact : organisation.contactEmails()) {
                if (subscribers.findByEmailIgnoreCase(contact).isEmpty()) {
                    subscribers.save(new Subscriber(contact.toLowerCase(), newToken(), Subscriber.Source.ORGANISATION,
                            new HashSet<>(), clock.instant()));
                }
            }
        }
        return subscribers.findByConfirmedAtIsNotNullAndUnsubscribedAtIsNull().stream()
                .filter(s -> s.wants(components)).toList();
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
