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

    /** Groups followed whole (a component added to one later is covered). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "subscriber_group", joinColumns = @JoinColumn(name = "subscriber_id"))
    @Column(name = "group_name")
    private Set<String> groups = new LinkedHashSet<>();

    protected Subscriber() {
    }

    Subscriber(String email, String token, Source source, Set<String> components, Set<String> groups, Instant now) {
        this.groups.addAll(groups);
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
    void resubscribe(String token, Set<String> components, Set<String> groups) {
        this.token = token;
        this.components.clear();
        this.components.addAll(components);
        this.groups.clear();
        this.groups.addAll(groups);
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

    boolean wants(Set<String> noticeComponents, Set<String> noticeGroups) {
        return Subscriptions.wants(components, groups, noticeComponents, noticeGroups);
    }

    Source getSource() {
        return source;
    }

    Long getId() {
        return id;
    }

    Set<String> getGroups() {
        return groups;
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
