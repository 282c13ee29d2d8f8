package com.sladesk.organisation;

import java.time.Clock;
import java.time.Instant;

import com.sladesk.system.ConflictException;
import com.sladesk.system.DuplicateException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People as an administrator manages them: invite (a mailed single-use link), change role or
 * organisation, deactivate (the name stays in history and the audit log; sessions and tokens end
 * at once), resend an invitation. The last active ADMIN cannot be deactivated or demoted.
 */
@Service
@Transactional
public class UserAdmin {

    private final AppUserRepository users;
    private final OrganisationRepository organisations;
    private final AccountLinks links;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdmin(AppUserRepository users, OrganisationRepository organisations, AccountLinks links,
            PasswordPolicy policy, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.organisations = organisations;
        this.links = links;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the user without a password and mails the invitation; the user name defaults to the address. */
    public UserAccount invite(String email, Role role, Long organisationId, String username, String actor) {
        String address = Checks.email("email", email);
        if (role == null) {
            throw new InvalidInputException("role", "required", "must be one of CUSTOMER, SRE, LEADERSHIP, CTO, ADMIN");
        }
        String name = Checks.username(username == null || username.isBlank() ? address : username.trim());
        Organisation organisation = organisationFor(role, organisationId);
        if (users.findByEmail(address).isPresent()) {
            throw new DuplicateException("email", "a user with e-mail " + address + " exists");
        }
        if (users.existsByUsername(name)) {
            throw new DuplicateException("username", "a user named " + name + " exists");
        }
        AppUser user = users.saveAndFlush(new AppUser(name, address, null, role, organisation, clock.instant()));
        links.invite(user, actor);
        events.publishEvent(new UserChanged(actor, "invite", user.getId(), describe(user.toAccount())));
        events.publishEvent(new UserAccountsChanged());
        return user.toAccount();
    }

    /** Changes the role and organisation; the user's sessions end, so the next sign-in has the new role. */
    public UserAccount change(long id, Role role, Long organisationId, String actor) {
        AppUser user = get(id);
        UserAccount before = user.toAccount();
        if (role == null) {
            throw new InvalidInputException("role", "required", "must be one of CUSTOMER, SRE, LEADERSHIP, CTO, ADMIN");
        }
        if (before.role() == Role.ADMIN && role != Role.ADMIN && user.isEnabled()) {
            refuseLastAdmin();
        }
        user.changeRole(role, organisationFor(role, organisationId), clock.instant());
        UserAccount after = users.saveAndFlush(user).toAccount();
        events.publishEvent(new UserChanged(actor, "change", id,
                "before: " + describe(before) + "; after: " + describe(after)));
        events.publishEvent(new UserAccountsChanged());
        return after;
    }

    public UserAccount deactivate(long id, String actor) {
        AppUser user = get(id);
        UserAccount before = user.toAccount();
        if (before.deactivated()) {
            return before;
        }
        if (before.role() == Role.ADMIN) {
            refuseLastAdmin();
        }
        Instant now = clock.instant();
        user.deactivate(now);
        links.voidLinks(user, now);
        events.publishEvent(new UserChanged(actor, "deactivate", id, describe(before)));
        events.publishEvent(new UserAccountsChanged());
        return user.toAccount();
    }

    /** A new invitation for someone who has not set a password yet; the older link stops working. */
    public UserAccount resendInvitation(long id, String actor) {
        AppUser user = get(id);
        if (!user.toAccount().pending()) {
            throw new ConflictException("user " + user.getUsername() + " has already accepted the invitation"
                    + " (or signs in through single sign-on, or is deactivated): nothing to resend");
        }
        links.invite(user, actor);
        events.publishEvent(new UserChanged(actor, "resend-invitation", id, null));
        return user.toAccount();
    }

    /** A signed-in user changes their own password; their other sessions end. */
    public UserAccount changeOwnPassword(String username, String current, String password) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new NotFoundException("User", username));
        UserAccount account = user.toAccount();
        if (account.sso()) {
            throw new ConflictException("this account signs in through single sign-on and has no password here");
        }
        if (current == null || account.passwordHash() == null || !encoder.matches(current, account.passwordHash())) {
            throw new InvalidInputException("currentPassword", "match", "is not your current password");
        }
        policy.check(password, user.getUsername(), user.getEmail());
        user.changePassword(encoder.encode(password), clock.instant());
        events.publishEvent(new UserChanged(username, "change-password", user.getId(), null));
        events.publishEvent(new UserAccountsChanged());
        return user.toAccount();
    }

    private void refuseLastAdmin() {
        if (users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new ConflictException("this is the last active ADMIN: make someone else ADMIN first");
        }
    }

    private Organisation organisationFor(Role role, Long organisationId) {
        if (role != Role.CUSTOMER) {
            if (organisationId != null) {
                throw new InvalidInputException("organisationId", "staff", "only a CUSTOMER belongs to an organisation");
            }
            return null;
        }
        if (organisationId == null) {
            throw new InvalidInputException("organisationId", "required", "a CUSTOMER needs an organisation");
        }
        Organisation organisation = organisations.findById(organisationId).orElseThrow(
                () -> new InvalidInputException("organisationId", "unknown", "no organisation " + organisationId));
        if (!organisation.isActive()) {
            throw new InvalidInputException("organisationId", "inactive", "organisation " + organisationId
                    + " is deactivated");
        }
        return organisation;
    }

    private AppUser get(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    static String describe(UserAccount u) {
        return "user " + u.username() + ", e-mail " + u.email() + ", role " + u.role()
                + (u.organisationName() == null ? "" : ", organisation " + u.organisationName())
                + (u.deactivated() ? ", deactivated" : "");
    }
}
