package com.sladesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserCache;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The users signed in during the last few seconds, so that an HTTP Basic request does not read
 * the user from the database each time. Short-lived on purpose, and emptied for a user at each
 * failed sign-in (so a lock-out applies at once) and for everyone when users change.
 */
final class RecentUsers implements UserCache {

    static final Duration TTL = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(UserDetails user, Instant until) {
    }

    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    private final Clock clock;

    RecentUsers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UserDetails getUserFromCache(String username) {
        Entry entry = users.get(username);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.until())) {
            users.remove(username, entry);
            return null;
        }
        // a copy: the one handed out becomes the principal, whose password Spring Security erases
        return copy(entry.user());
    }

    @Override
    public void putUserInCache(UserDetails user) {
        if (users.size() >= MAX_ENTRIES) {
            users.clear();
        }
        if (user.getPassword() == null) {
            return;
        }
        users.put(user.getUsername(), new Entry(copy(user), clock.instant().plus(TTL)));
    }

    @Override
    public void removeUserFromCache(String username) {
        users.remove(username);
    }

    private static UserDetails copy(UserDetails user) {
        return user instanceof SignedInUser signedIn ? signedIn.copy()
                : User.withUserDetails(user).build();
    }

    void clear() {
        users.clear();
    }
}
