package com.sladesk.organisation.web;

import com.sladesk.organisation.Role;
import com.sladesk.organisation.UserAccount;

/**
 * A user as the administration API shows one: never a password hash. {@code status} is
 * {@code invited} (no password set yet), {@code active} or {@code deactivated}; {@code signIn} is
 * {@code password} or {@code sso}.
 */
record UserView(long id, String username, String email, Role role, Long organisationId, String organisationName,
        String status, String signIn) {

    static UserView of(UserAccount account) {
        String status = account.deactivated() ? "deactivated" : account.pending() ? "invited" : "active";
        return new UserView(account.id(), account.username(), account.email(), account.role(),
                account.organisationId(), account.organisationName(), status, account.sso() ? "sso" : "password");
    }
}
