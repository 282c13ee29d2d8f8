package com.sladesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Tokens;
import com.sladesk.organisation.UserAccount;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for tools: personal ones (any signed-in user, acting as that user within the token's
 * scopes) and service ones (ADMIN; not tied to a person, for a CI/CD pipeline, Alertmanager or a
 * Prometheus scrape). A token is shown once, stored as its SHA-256, expires within a year, and is
 * checked against the database on every request: a revocation holds from the next request on.
 */
@Service
@Transactional
public class ApiTokens {

    /** What every token starts with, so a leaked one is recognisable (and secret scanners can match it). */
    static final String PREFIX = "sla_";
    static final int MAX_DAYS = 365;
    /** The last use is written at most once a minute per token, not on every request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A token just created: its listing and, this once, its secret. */
    public record CreatedToken(TokenView token, String secret) {
    }

    /** Who a presented token signs in as: a user (personal) or nobody (service), with its scopes. */
    record Bearer(long tokenId, String tokenName, UserAccount user, List<TokenScope> scopes) {
    }

    private final ApiTokenRepository tokens;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, Directory directory, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    public CreatedToken createPersonal(String username, String name, List<String> scopes, Integer expiresInDays) {
        UserAccount user = directory.findUser(username).orElseThrow(() -> new NotFoundException("User", username));
        return create(user.id(), username, name, scopes, expiresInDays, user.username());
    }

    public CreatedToken createService(String actor, String name, List<String> scopes, Integer expiresInDays) {
        return create(null, actor, name, scopes, expiresInDays, null);
    }

    private CreatedToken create(Long userId, String actor, String name, List<String> scopes, Integer days,
            String owner) {
        String checkedName = name == null ? "" : name.trim();
        if (checkedName.isEmpty() || checkedName.length() > 60) {
            throw new InvalidInputException("name", "size", "must be 1 to 60 characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "required", "name at least one of read, incidents:write, changes:write, slos:write");
        }
        List<TokenScope> checkedScopes = new ArrayList<>(new LinkedHashSet<>(scopes.stream().map(TokenScope::of).toList()));
        int validDays = days == null ? 90 : days;
        if (validDays < 1 || validDays > MAX_DAYS) {
            throw new InvalidInputException("expiresInDays", "range", "must be 1 to " + MAX_DAYS + " days");
        }
        Instant now = clock.instant();
        String secret = Tokens.newToken(PREFIX);
        ApiToken saved = tokens.saveAndFlush(new ApiToken(checkedName, userId, Tokens.hash(secret), checkedScopes,
                actor, now, now.plus(Duration.ofDays(validDays))));
        TokenView view = saved.toView(owner);
        events.publishEvent(new TokenChanged(actor, "create", saved.getId(),
                view.kind() + " token " + checkedName + ", scopes " + view.scopes() + ", expires " + view.expiresAt()
                        + (owner == null ? "" : ", of " + owner)));
        return new CreatedToken(view, secret);
    }

    @Transactional(readOnly = true)
    public List<TokenView> ownTokens(String username) {
        UserAccount user = directory.findUser(username).orElseThrow(() -> new NotFoundException("User", username));
        return tokens.findByUserIdOrderByCreatedAtDesc(user.id()).stream().map(t -> t.toView(username)).toList();
    }

    /** Every token, personal and service, for ADMIN. */
    @Transactional(readOnly = true)
    public List<TokenView> allTokens() {
        Map<Long, String> names = directory.allUsers().stream()
                .collect(Collectors.toMap(UserAccount::id, UserAccount::username));
        return tokens.findAllByOrderByCreatedAtDesc().stream()
                .map(t -> t.toView(t.getUserId() == null ? null : names.get(t.getUserId()))).toList();
    }

    /** Revokes one of the user's own tokens; another's is 404, as if it did not exist. */
    public TokenView revokeOwn(String username, long id) {
        UserAccount user = directory.findUser(username).orElseThrow(() -> new NotFoundException("User", username));
        ApiToken token = tokens.findById(id).filter(t -> Long.valueOf(user.id()).equals(t.getUserId()))
                .orElseThrow(() -> new NotFoundException("Token", id));
        return revoke(token, username, username);
    }

    /** ADMIN revokes any token. */
    public TokenView revoke(long id, String actor) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> new NotFoundException("Token", id));
        String owner = token.getUserId() == null ? null
                : directory.findUser(token.getUserId()).map(UserAccount::username).orElse(null);
        return revoke(token, actor, owner);
    }

    private TokenView revoke(ApiToken token, String actor, String owner) {
        token.revoke(clock.instant());
        events.publishEvent(new TokenChanged(actor, "revoke", token.getId(), "token " + token.getName()));
        return token.toView(owner);
    }

    /**
     * The bearer of {@code secret}, when it is a token that is neither revoked nor expired and, for
     * a personal one, whose user is still enabled. Read from the database each time.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    /**
     * Who an API token speaks for, for a door other than HTTP (the gRPC intake): the actor (the
     * user, or {@code token:<name>} for a service token, which acts as an SRE), the role and the
     * scopes; empty when the token is unknown, revoked, expired or its user deactivated.
     */
    public record TokenIdentity(String actor, String role, java.util.Set<String> scopes) {

        public boolean may(String role, String scope) {
            return this.role.equals(role) && scopes.contains(scope);
        }
    }

    @Transactional
    public Optional<TokenIdentity> identify(String secret) {
        return authenticate(secret).map(b -> new TokenIdentity(
                b.user() == null ? "token:" + b.tokenName() : b.user().username(),
                b.user() == null ? "SRE" : b.user().role().name(),
                b.scopes().stream().map(TokenScope::value).collect(java.util.stream.Collectors.toSet())));
    }

    Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> found = tokens.findByTokenHash(Tokens.hash(secret)).filter(t -> t.usableAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        UserAccount user = null;
        if (token.getUserId() != null) {
            user = directory.findUser(token.getUserId()).filter(UserAccount::enabled).orElse(null);
            if (user == null) {
                return Optional.empty();
            }
        }
        if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            tokens.touch(token.getId(), now);
        }
        return Optional.of(new Bearer(token.getId(), token.getName(), user, token.scopes()));
    }

}
