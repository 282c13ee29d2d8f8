package com.sladesk.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A personal access token (of a user) or a service token (of no one); only its hash is kept. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    /** Null for a service token. */
    private Long userId;

    private String tokenHash;

    /** Space-separated scopes. */
    private String scopes;

    private String createdBy;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant lastUsedAt;

    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(String name, Long userId, String tokenHash, List<TokenScope> scopes, String createdBy, Instant createdAt,
            Instant expiresAt) {
        this.name = name;
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.scopes = String.join(" ", scopes.stream().map(TokenScope::value).toList());
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    Long getId() {
        return id;
    }

    Long getUserId() {
        return userId;
    }

    String getName() {
        return name;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    List<TokenScope> scopes() {
        return Arrays.stream(scopes.split(" ")).map(TokenScope::of).toList();
    }

    TokenView toView(String owner) {
        return new TokenView(id, name, userId == null ? "service" : "personal", owner, scopes().stream()
                .map(TokenScope::value).toList(), createdBy, createdAt, expiresAt, lastUsedAt, revokedAt);
    }
}
