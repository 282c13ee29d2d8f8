package com.sladesk.organisation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.sladesk.system.NowAndAfterTransaction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: who the organisations and users are, and adding them. */
@Service
@Transactional(readOnly = true)
public class Directory {

    private final OrganisationRepository organisations;
    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Directory(OrganisationRepository organisations, AppUserRepository users, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events, Clock clock) {
        this.organisations = organisations;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    public Optional<UserAccount> findUser(String username) {
        return users.findByUsername(username).map(AppUser::toAccount);
    }

    /** Who has a role changes with any account change (here or in {@link UserAdmin}). */
    @EventListener
    void on(UserAccountsChanged event) {
        NowAndAfterTransaction.run(emails::clear);
    }

    public Optional<UserAccount> findUser(long id) {
        return users.findById(id).map(AppUser::toAccount);
    }

    public Optional<UserAccount> findUserByEmail(String email) {
        return email == null ? Optional.empty()
                : users.findByEmail(email.trim().toLowerCase(Locale.ROOT)).map(AppUser::toAccount);
    }

    /** True on a fresh installation: nobody can sign in yet. */
    public boolean hasNoUsers() {
        return users.count() == 0;
    }

    /**
     * The account a single sign-on user signs in as: the user with this e-mail address, created on
     * the first sign-in with {@code role}; a user who signs in only this way takes the provider's
     * role each time (audited when it changes). Empty when that account is deactivated or belongs
     * to a customer (customers sign in with a password).
     */
    @Transactional
    public Optional<UserAccount> signInBySso(String username, String email, Role role) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        Optional<AppUser> existing = users.findByEmail(address);
        if (existing.isEmpty()) {
            String name = users.existsByUsername(username) ? address : username;
            AppUser created = users.saveAndFlush(AppUser.signedInBySso(name, address, role, clock.instant()));
            events.publishEvent(new UserChanged(name, "sso-first-sign-in", created.getId(), UserAdmin.describe(created.toAccount())));
            events.publishEvent(new UserAccountsChanged());
            return Optional.of(created.toAccount());
        }
        AppUser user = existing.get();
        UserAccount before = user.toAccount();
        if (!before.enabled() || before.role() == Role.CUSTOMER) {
            return Optional.empty();
        }
        if (before.sso() && before.role() != role) {
            user.changeRole(role, null, clock.instant());
            events.publishEvent(new UserChanged(before.username(), "sso-role", user.getId(),
                    "role " + before.role() + " → " + role + " (from the identity provider's groups)"));
            events.publishEvent(new UserAccountsChanged());
        }
        return Optional.of(user.toAccount());
    }

    public List<UserAccount> allUsers() {
        return users.findAllByOrderByUsername().stream().map(AppUser::toAccount).toList();
    }

    /** Email addresses of the enabled users with a role, for notices addressed to a group. */
    public List<String> emailsOf(Role role) {
        long now = System.nanoTime();
        RoleEmails memo = emails.get(role);
        if (memo != null && now - memo.readAt() < EMAILS_FRESH_FOR_NANOS) {
            return memo.emails();
        }
        List<String> read = users.findByRoleAndEnabledTrue(role).stream().map(u -> u.toAccount().email()).sorted().toList();
        emails.put(role, new RoleEmails(read, now));
        return read;
    }

    /**
     * Every fired timer asks who the SREs (or leadership) are; the answer is kept 10 s and dropped
     * as soon as a user is added here (on another node, it is at most 10 s old).
     */
    private record RoleEmails(List<String> emails, long readAt) {
    }

    static final long EMAILS_FRESH_FOR_NANOS = TimeUnit.SECONDS.toNanos(10);
    private final Map<Role, RoleEmails> emails = new ConcurrentHashMap<>();

    public Optional<OrganisationInfo> findOrganisation(long id) {
        return organisations.findWithContactsById(id).map(Organisation::toInfo);
    }

    public Optional<OrganisationInfo> findOrganisationByName(String name) {
        return organisations.findByName(name).map(o -> findOrganisation(o.getId()).orElseThrow());
    }

    /** Every organisation with its contacts, by name: one query. */
    public List<OrganisationInfo> allOrganisations() {
        return organisations.findAllWithContacts().stream().map(Organisation::toInfo).toList();
    }

    /**
     * The active organisations that have a notice contact, with their contacts and contract
     * components: one query that skips the many organisations nobody is told of (a notice read
     * all 20,050 of the benchmark's for every update; docs/performance.md).
     */
    public List<OrganisationInfo> organisationsWithNoticeContacts() {
        return organisations.findActiveWithContacts().stream().map(Organisation::toInfo).toList();
    }

    /** The names of these organisations, by id: one query. */
    public Map<Long, String> organisationNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        for (Object[] row : organisations.namesOf(ids)) {
            names.put((Long) row[0], (String) row[1]);
        }
        return names;
    }

    @Transactional
    public OrganisationInfo createOrganisation(String name, BigDecimal monthlyFee, String currency, Set<String> contacts) {
        Organisation saved = organisations.save(new Organisation(name, monthlyFee, currency, contacts, clock.instant()));
        return saved.toInfo();
    }

    /** Adds a user with the given raw password, stored BCrypt-hashed. */
    @Transactional
    public UserAccount createUser(String username, String email, String rawPassword, Role role, Long organisationId) {
        Organisation organisation = organisationId == null ? null
                : organisations.findById(organisationId).orElseThrow(
                        () -> new IllegalArgumentException("no organisation " + organisationId));
        AppUser saved = users.save(new AppUser(username, email, passwordEncoder.encode(rawPassword), role,
                organisation, clock.instant()));
        events.publishEvent(new UserAccountsChanged());
        return saved.toAccount();
    }

    public boolean userExists(String username) {
        return users.existsByUsername(username);
    }
}
