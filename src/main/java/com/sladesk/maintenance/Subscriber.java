package com.sladesk.maintenance;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** Someone who hears of maintenance: confirmed by mail (double opt-in), unsubscribed by a token link. */
@Entity
@Table(name = "subscriber")
class Subscriber {

    enum Source { PUBLIC, ORGANISATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    private String token;

    @Enumerated(EnumType.STRING)
    private Source source;

    private Instant createdAt;

    private Instant confirmedAt;

    private Instant unsubscribedAt;

    /** Empty: every component. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "subscriber_component", joinColumns = @JoinColumn(name = "subscriber_id"))
    @Column(name = "component_code")
    private Set<String> components = new LinkedHashSet<>();

    protected Subscriber() {
    }

    Subscriber(String email, String token, Source source, Set<String> components, Instant now) {
        this.email = email;
        this.token = token;
        this.source = source;
        this.components.addAll(components);
        this.createdAt = now;
        if (source == Source.ORGANISATION) {
            this.confirmedAt = now; // customers' contacts are subscribed by default
        }
    }

    /** Subscribing again: start over with a new token and a new confirmation. */
    void resubscribe(String token, Set<String> components) {
        this.token = token;
        this.components.clear();
        this.components.addAll(components);
        this.confirmedAt = null;
        this.unsubscribedAt = null;
    }

    void confirm(Instant now) {
        if (confirmedAt == null) {
            confirmedAt = now;
        }
        unsubscribedAt = null;
    }

    void unsubscribe(Instant now) {
        if (unsubscribedAt == null) {
            unsubscribedAt = now;
        }
    }

    boolean isActive() {
        return confirmedAt != null && unsubscribedAt == null;
    }

    boolean wants(Set<String> windowComponents) {
        return components.isEmpty() || windowComponents.isEmpty()
                || components.stream().anyMatch(windowComponents::contains);
    }

    String getEmail() {
        return email;
    }

    String getToken() {
        return token;
    }

    Set<String> getComponents() {
        return components;
    }
}
