package com.sladesk.organisation;

/** A person who signs in; {@code organisationId} is set for customers only. */
public record UserAccount(long id, String username, String email, String passwordHash, Role role,
        Long organisationId, String organisationName, boolean enabled) {
}
