package com.sladesk.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.sladesk.notification.Notifications;
import com.sladesk.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations and password resets, one mechanism: a single-use link with a random 256-bit token,
 * stored only as its hash, valid for {@code sladesk.accounts.link-valid-for} (24 hours), void once
 * used or when a newer link is sent to the same person, mailed through the outbox.
 */
@Service
public class AccountLinks {

    private static final Logger log = LoggerFactory.getLogger(AccountLinks.class);

    /** "Forgot password" mails at most this many links to one address an hour. */
    static final int RESETS_PER_HOUR = 3;

    /** What a link is now; only VALID sets a password. */
    public enum LinkState { VALID, EXPIRED, USED, SUPERSEDED, UNKNOWN }

    /** A link's state, and for a usable one whose it is and why it was sent. */
    public record LinkCheck(LinkState state, String username, boolean invitation) {
    }

    private final AccountLinkRepository links;
    private final AppUserRepository users;
    private final Notifications notifications;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration validFor;
    private final String baseUrl;

    AccountLinks(AccountLinkRepository links, AppUserRepository users, Notifications notifications,
            PasswordPolicy policy, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock,
            @Value("${sladesk.accounts.link-valid-for:PT24H}") Duration validFor,
            @Value("${sladesk.mail.base-url:http://localhost:8080}") String baseUrl) {
        this.links = links;
        this.users = users;
        this.notifications = notifications;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.validFor = validFor;
        this.baseUrl = baseUrl;
    }

    /** The address of the page a link's token opens. */
    public String url(String token) {
        return baseUrl + "/account/password?token=" + token;
    }

    /** Sends a new invitation to {@code user} (older links to that user stop working); returns the token. */
    @Transactional
    String invite(AppUser user, String invitedBy) {
        String token = issue(user, AccountLink.Purpose.INVITATION);
        Map<String, Object> model = model(user, token);
        model.put("invitedBy", invitedBy);
        notifications.queue(user.getEmail(), "You are invited to SLA Desk", "account-invitation", model);
        return token;
    }

    /** A link that is logged instead of mailed (the first administrator's, on a fresh installation). */
    @Transactional
    String issueUnmailed(AppUser user) {
        return issue(user, AccountLink.Purpose.INVITATION);
    }

    void voidLinks(AppUser user, Instant now) {
        links.findByUserIdAndUsedAtIsNullAndVoidedAtIsNull(user.getId()).forEach(l -> l.voidIt(now));
    }

    private String issue(AppUser user, AccountLink.Purpose purpose) {
        Instant now = clock.instant();
        voidLinks(user, now);
        String token = Tokens.newToken("");
        links.save(new AccountLink(user.getId(), purpose, Tokens.hash(token), now, now.plus(validFor)));
        return token;
    }

    private Map<String, Object> model(AppUser user, String token) {
        Map<String, Object> model = new HashMap<>();
        model.put("username", user.getUsername());
        model.put("link", url(token));
        model.put("validHours", validFor.toHours());
        return model;
    }

    /**
     * "Forgot password": mails a reset link when {@code email} belongs to an enabled user who signs
     * in with a password, at most {@value #RESETS_PER_HOUR} an hour; otherwise does nothing. The
     * caller answers the same either way, so nobody learns which addresses have accounts.
     */
    @Transactional
    public void forgotPassword(String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return;
        }
        users.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .filter(u -> u.toAccount().enabled() && !u.toAccount().sso())
                .ifPresent(user -> {
                    Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
                    if (links.countByUserIdAndPurposeAndCreatedAtAfter(user.getId(), AccountLink.Purpose.RESET,
                            hourAgo) >= RESETS_PER_HOUR) {
                        log.warn("Password reset for user {} not sent: {} already sent this hour", user.getUsername(),
                                RESETS_PER_HOUR);
                        return;
                    }
                    String token = issue(user, AccountLink.Purpose.RESET);
                    notifications.queue(user.getEmail(), "Reset your SLA Desk password", "account-reset",
                            model(user, token));
                });
    }

    /** What {@code token} is now, without using it. */
    @Transactional(readOnly = true)
    public LinkCheck check(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new LinkCheck(LinkState.UNKNOWN, null, false);
        }
        return links.readByTokenHash(Tokens.hash(token)).map(link -> {
            LinkState state = link.state(clock.instant());
            String username = state == LinkState.VALID
                    ? users.findById(link.getUserId()).map(AppUser::getUsername).orElse(null) : null;
            return new LinkCheck(state, username, link.getPurpose() == AccountLink.Purpose.INVITATION);
        }).orElse(new LinkCheck(LinkState.UNKNOWN, null, false));
    }

    /**
     * Sets the password of the link's user and uses the link up. A link that is not VALID is
     * refused with a 400 naming {@code token} and its state; a weak password with a 400 naming
     * {@code password} (the link stays usable).
     */
    @Transactional
    public UserAccount setPassword(String token, String password) {
        AccountLink link = token == null || token.length() > 100 ? null
                : links.findByTokenHash(Tokens.hash(token)).orElse(null);
        LinkState state = link == null ? LinkState.UNKNOWN : link.state(clock.instant());
        if (state != LinkState.VALID) {
            throw new InvalidInputException("token", state.name().toLowerCase(), describe(state));
        }
        AppUser user = users.findById(link.getUserId()).orElseThrow();
        if (!user.toAccount().enabled()) {
            throw new InvalidInputException("token", "deactivated", "this account is deactivated");
        }
        policy.check(password, user.getUsername(), user.getEmail());
        Instant now = clock.instant();
        link.use(now);
        user.changePassword(encoder.encode(password), now);
        events.publishEvent(new UserChanged(user.getUsername(),
                link.getPurpose() == AccountLink.Purpose.INVITATION ? "accept-invitation" : "reset-password",
                user.getId(), null));
        events.publishEvent(new UserAccountsChanged());
        return user.toAccount();
    }

    /** Why a link cannot be used, as the page says it. */
    public static String describe(LinkState state) {
        return switch (state) {
            case EXPIRED -> "this link has expired";
            case USED -> "this link has already been used";
            case SUPERSEDED -> "a newer link was sent since: use the latest mail";
            case UNKNOWN -> "this link is not known";
            case VALID -> "this link is valid";
        };
    }
}
