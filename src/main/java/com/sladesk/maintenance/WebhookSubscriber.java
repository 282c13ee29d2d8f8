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

/**
 * A URL that hears of incident updates and maintenance: JSON signed with its secret, or a
 * Slack-compatible incoming webhook's message. Deleted by its token link; disabled when a
 * delivery kept failing for the retry time (its owner is mailed).
 */
@Entity
@Table(name = "webhook_subscriber")
class WebhookSubscriber {

    enum Kind { WEBHOOK, SLACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String url;

    private String secret;

    private String ownerEmail;

    private String token;

    private Instant createdAt;

    private Instant disabledAt;

    private String disabledWhy;

    private Instant deletedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_subscriber_component", joinColumns = @JoinColumn(name = "subscriber_id"))
    @Column(name = "component_code")
    private Set<String> components = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_subscriber_group", joinColumns = @JoinColumn(name = "subscriber_id"))
    @Column(name = "group_name")
    private Set<String> groups = new LinkedHashSet<>();

    protected WebhookSubscriber() {
    }

    WebhookSubscriber(Kind kind, String url, String secret, String ownerEmail, String token, Set<String> components,
            Set<String> groups, Instant now) {
        this.kind = kind;
        this.url = url;
        this.secret = secret;
        this.ownerEmail = ownerEmail;
        this.token = token;
        this.components.addAll(components);
        this.groups.addAll(groups);
        this.createdAt = now;
    }

    boolean isActive() {
        return disabledAt == null && deletedAt == null;
    }

    void disable(String why, Instant now) {
        if (disabledAt == null) {
            disabledAt = now;
            disabledWhy = why == null ? null : why.substring(0, Math.min(why.length(), 2000));
        }
    }

    void delete(Instant now) {
        if (deletedAt == null) {
            deletedAt = now;
        }
    }

    Long getId() {
        return id;
    }

    Kind getKind() {
        return kind;
    }

    String getUrl() {
        return url;
    }

    String getSecret() {
        return secret;
    }

    String getOwnerEmail() {
        return ownerEmail;
    }

    String getToken() {
        return token;
    }

    Instant getDisabledAt() {
        return disabledAt;
    }

    Instant getDeletedAt() {
        return deletedAt;
    }

    Set<String> getComponents() {
        return components;
    }

    Set<String> getGroups() {
        return groups;
    }
}
