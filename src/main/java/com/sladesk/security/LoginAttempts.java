package com.sladesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sladesk.organisation.UserAccountsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Rate-limits sign-in: after 5 wrong passwords for a user name within 5 minutes, that name is
 * locked until the oldest of those failures is 5 minutes old (form login and HTTP Basic alike).
 * Kept per node, in memory.
 */
@Component
class LoginAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final RecentUsers recentUsers;

    LoginAttempts(Clock clock, RecentUsers recentUsers) {
        this.clock = clock;
        this.recentUsers = recentUsers;
    }

    @EventListener
    void on(UserAccountsChanged event) {
        recentUsers.clear();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        // the next attempt reads the user afresh, with its lock-out state
        recentUsers.removeUserFromCache(event.getAuthentication().getName());
        Deque<Instant> times = failures.computeIfAbsent(key(event.getAuthentication().getName()), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > MAX_FAILURES) {
                times.removeFirst();
            }
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    boolean isLocked(String username) {
        Deque<Instant> times = failures.get(key(username));
        if (times == null) {
            return false;
        }
        synchronized (times) {
            Instant since = clock.instant().minus(WINDOW);
            times.removeIf(t -> t.isBefore(since));
            return times.size() >= MAX_FAILURES;
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }
}
