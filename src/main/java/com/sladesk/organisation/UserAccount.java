package com.sladesk.organisation;

import java.time.Instant;

/**
 * A person who signs in; {@code organisationId} is set for customers only. {@code enabled} is
 * false for a deactivated user and for the users of a deactivated organisation; {@code sso} users
 * sign in through the OpenID Connect provider and have no password; sessions started before
 * {@code sessionsValidFrom} (null: any) have ended.
 */
public record UserAccount(long id, String username, String email, String passwordHash, Role role,
        Long organisationId, String organisationName, boolean enabled, boolean sso, Instant sessionsValidFrom,
        boolean deactivated) {

    /** Invited and not yet signed in: no password and no single sign-on. */
    public boolean pending() {
        return passwordHash == null && !sso && !deactivated;
    }
}
