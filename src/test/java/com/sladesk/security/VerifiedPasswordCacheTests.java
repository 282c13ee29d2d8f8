package com.sladesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordCacheTests {

    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final AtomicInteger checks = new AtomicInteger();
    final PasswordEncoder counting = new PasswordEncoder() {
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    @Test
    void aVerifiedPasswordIsNotCheckedAgainUntilItExpires() {
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        String hash = bcrypt.encode("secret");
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Clock.fixed(start, ZoneOffset.UTC));
        assertThat(cache.matches("secret", hash)).isTrue();
        assertThat(cache.matches("secret", hash)).isTrue();
        assertThat(checks).hasValue(1);

        // another node (or a restart) has its own key and checks again
        VerifiedPasswordCache later = new VerifiedPasswordCache(counting, Clock.fixed(start, ZoneOffset.UTC));
        assertThat(later.matches("secret", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void wrongPasswordsAreAlwaysCheckedAndNeverRemembered() {
        String hash = bcrypt.encode("secret");
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Clock.systemUTC());
        assertThat(cache.matches("secret", hash)).isTrue();
        assertThat(cache.matches("wrong", hash)).isFalse();
        assertThat(cache.matches("wrong", hash)).isFalse();
        assertThat(checks).hasValue(3);
    }

    @Test
    void aChangedPasswordHashMissesTheCache() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Clock.systemUTC());
        assertThat(cache.matches("secret", bcrypt.encode("secret"))).isTrue();
        assertThat(cache.matches("secret", bcrypt.encode("other"))).isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        MutableClock clock = new MutableClock(start);
        String hash = bcrypt.encode("secret");
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, clock);
        cache.matches("secret", hash);
        clock.now = start.plus(VerifiedPasswordCache.TTL).minus(Duration.ofSeconds(1));
        cache.matches("secret", hash);
        assertThat(checks).hasValue(1);
        clock.now = start.plus(VerifiedPasswordCache.TTL);
        cache.matches("secret", hash);
        assertThat(checks).hasValue(2);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }
}
