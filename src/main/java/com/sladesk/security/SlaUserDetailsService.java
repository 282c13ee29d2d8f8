package com.sladesk.security;

import com.sladesk.organisation.Directory;
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

    SlaUserDetailsService(Directory directory, MetricsScrapeProperties scrape, PasswordEncoder encoder,
            LoginAttempts attempts) {
        this.directory = directory;
        this.attempts = attempts;
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
        return directory.findUser(username)
                .map(u -> new SignedInUser(u.username(), u.passwordHash(), u.enabled(), attempts.isLocked(username),
                        u.role(), u.email(),
                        u.organisationId(), u.organisationName()))
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

}
