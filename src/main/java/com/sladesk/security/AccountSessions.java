package com.sladesk.security;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

/** For pages that change the signed-in user's own password: this session stays, the others end. */
public final class AccountSessions {

    private AccountSessions() {
    }

    /** Marks this session as started at {@code validFrom}, the instant the account's other sessions ended. */
    public static void keepThisSession(HttpServletRequest request, Instant validFrom) {
        SessionValidityFilter.renew(request, validFrom);
    }
}
