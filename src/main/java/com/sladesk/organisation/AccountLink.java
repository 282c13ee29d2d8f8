package com.sladesk.organisation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An invitation or a password reset: a single-use link, of which only the token's hash is kept. */
@Entity
@Table(name = "account_link")
class AccountLink {

    enum Purpose { INVITATION, RESET }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long userId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    private String tokenHash;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant usedAt;

    private Instant voidedAt;

    protected AccountLink() {
    }

    AccountLink(long userId, Purpose purpose, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Why this link cannot be used now, or null when it can. */
    AccountLinks.LinkState state(Instant now) {
        if (usedAt != null) {
            return AccountLinks.LinkState.USED;
        }
        if (voidedAt != null) {
            return AccountLinks.LinkState.SUPERSEDED;
        }
        if (!now.isBefore(expiresAt)) {
            return AccountLinks.LinkState.EXPIRED;
        }
        return AccountLinks.LinkState.VALID;
    }

    void use(Instant now) {
        this.usedAt = now;
    }

    void voidIt(Instant now) {
        if (usedAt == null && voidedAt == null) {
            this.voidedAt = now;
        }
    }

    Long getUserId() {
        return userId;
    }

    Purpose getPurpose() {
        return purpose;
    }
}
