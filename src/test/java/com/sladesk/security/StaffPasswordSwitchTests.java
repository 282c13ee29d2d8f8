package com.sladesk.security;

import com.sladesk.SlaDeskTest;
import com.sladesk.organisation.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code sladesk.security.staff-password-sign-in=false}: once single sign-on works, staff have no
 * password sign-in (form or Basic); customers keep theirs.
 */
@SlaDeskTest
class StaffPasswordSwitchTests {

    @Autowired
    Directory directory;

    @Autowired
    MetricsScrapeProperties scrape;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    LoginAttempts attempts;

    @Test
    void withStaffPasswordsOffOnlyCustomersSignInWithAPassword() {
        SlaUserDetailsService ssoOnly = new SlaUserDetailsService(directory, scrape, encoder, attempts, false);
        for (String staff : new String[] { "sre", "leader", "cto", "admin" }) {
            assertThatThrownBy(() -> ssoOnly.loadUserByUsername(staff)).as(staff)
                    .isInstanceOf(UsernameNotFoundException.class);
        }
        assertThat(ssoOnly.loadUserByUsername("acme").getUsername()).isEqualTo("acme");

        SlaUserDetailsService both = new SlaUserDetailsService(directory, scrape, encoder, attempts, true);
        assertThat(both.loadUserByUsername("sre").getUsername()).isEqualTo("sre");
    }
}
