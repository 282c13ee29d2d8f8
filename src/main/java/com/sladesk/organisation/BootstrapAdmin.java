package com.sladesk.organisation;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start of a real installation (not the {@code demo} profile) on an empty database:
 * creates one ADMIN from {@code sladesk.bootstrap.admin-email} and logs, once at WARN, a one-time
 * link to set that administrator's password. Without the setting, the log (and the sign-in page)
 * says how to set it. While that administrator has still not set a password and the link has
 * expired, the next start logs a new one. No default password exists anywhere.
 */
@Component
@Profile("!demo")
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    static final String SETTING = "sladesk.bootstrap.admin-email";

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AppUserRepository users;
    private final AccountLinks links;
    private final AccountLinkRepository linkRepository;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String adminEmail;

    BootstrapAdmin(AppUserRepository users, AccountLinks links, AccountLinkRepository linkRepository,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock,
            @Value("${" + SETTING + ":}") String adminEmail) {
        this.users = users;
        this.links = links;
        this.linkRepository = linkRepository;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.adminEmail = adminEmail;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            transaction.executeWithoutResult(status -> bootstrap());
        }
        catch (DataIntegrityViolationException e) {
            // another node of the cluster created the administrator at the same moment
            log.info("The first administrator was created by another node");
        }
    }

    private void bootstrap() {
        if (users.count() == 0) {
            if (adminEmail == null || adminEmail.isBlank()) {
                log.warn("No user exists yet, so nobody can sign in. Set {} (environment SLADESK_BOOTSTRAP_ADMIN_EMAIL)"
                        + " to the first administrator's e-mail address and restart: the log then shows a one-time"
                        + " link to set that administrator's password.", SETTING);
                return;
            }
            String email = Checks.email(SETTING, adminEmail);
            String username = Checks.USERNAME.matcher(email).matches() ? email : "admin";
            AppUser admin = users.saveAndFlush(new AppUser(username, email, null, Role.ADMIN, null, clock.instant()));
            events.publishEvent(new UserChanged("system", "bootstrap-admin", admin.getId(),
                    UserAdmin.describe(admin.toAccount())));
            events.publishEvent(new UserAccountsChanged());
            announce(admin);
            return;
        }
        // the first administrator has not set a password and the link has expired: a new one
        users.findAllByOrderByUsername().stream()
                .filter(u -> u.getRole() == Role.ADMIN && u.toAccount().pending())
                .filter(u -> adminEmail != null && u.getEmail().equals(adminEmail.trim().toLowerCase(Locale.ROOT)))
                .filter(u -> users.countByRoleAndEnabledTrue(Role.ADMIN) == 1)
                .filter(u -> linkRepository.findByUserIdAndUsedAtIsNullAndVoidedAtIsNull(u.getId()).stream()
                        .allMatch(l -> l.state(clock.instant()) != AccountLinks.LinkState.VALID))
                .findFirst().ifPresent(this::announce);
    }

    private void announce(AppUser admin) {
        String token = links.issueUnmailed(admin);
        log.warn("First administrator {} created. Set its password, once, before the link expires, at: {}", admin.getUsername(),
                links.url(token));
    }
}
