package com.sladesk.security;

import java.time.Instant;
import java.util.List;

/** A token as it is listed: never its secret. {@code kind} is personal or service; {@code owner} the user's name. */
public record TokenView(long id, String name, String kind, String owner, List<String> scopes, String createdBy,
        Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
}
