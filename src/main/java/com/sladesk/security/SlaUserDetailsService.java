package com.sladesk.security;

import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Our users from the database, plus the optional Prometheus scrape user from configuration. */
@Service
class SlaUserDetailsService implements UserDetailsService {

    static final String METRICS_ROLE = "METRICS";

    private final Directory directory;
    private final UserDetails scrapeUser;
    private final LoginAttempts attempts;

    private final boolean staffPasswords;

    SlaUserDetailsService(Directory directory, MetricsScrapeProperties scrape, PasswordEncoder encoder,
            LoginAttempts attempts,
            @Value("${sladesk.security.staff-password-sign-in:true}") boolean staffPasswords) {
        this.directory = directory;
        this.attempts = attempts;
        this.staffPasswords = staffPasswords;
        this.scrapeUser = scrape.enabled()
                ? User.withUsername(scrape.scrapeUsername()).password(encoder.encode(scrape.scrapePassword()))
                        .roles(METRICS_ROLE).build()
                : null;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (scrapeUser != null && scrapeUser.getUsername().equals(username)) {
            return User.withUserDetails(scrapeUser).accountLocked(attempts.isLocked(username)).build();
        }
        // invited users without a password yet, single sign-on users, and staff when only single
        // sign-on is allowed for them, have no password to check: to a sign-in form they do not exist
        return directory.findUser(username)
                .filter(u -> u.passwordHash() != null)
                .filter(u -> staffPasswords || u.role() == Role.CUSTOMER)
                .map(u -> new SignedInUser(u.username(), u.passwordHash(), u.enabled(), attempts.isLocked(username),
                        u.role(), u.email(),
                        u.organisationId(), u.organisationName()))
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

}
