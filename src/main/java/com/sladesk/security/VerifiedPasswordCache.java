package com.sladesk.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt on every API request would cap the service at a few dozen requests a second per core
 * (HTTP Basic sends the password each time). This encoder remembers, for a few minutes, that a
 * password matched a stored hash: under an HMAC with a key made at start-up, never the password
 * itself. Only successes are remembered, so a wrong password always costs the full BCrypt check
 * (and counts towards the lock-out); a changed password has a new hash and so misses the cache;
 * locked and disabled accounts are refused before the password is looked at.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    VerifiedPasswordCache(PasswordEncoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = verified.get(fingerprint);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(t -> !now.isBefore(t));
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
            }
            verified.put(fingerprint, now.plus(TTL));
        }
        else {
            verified.remove(fingerprint);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence raw, String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encoded.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
