package com.sladesk.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import com.sladesk.organisation.Directory;
import com.sladesk.organisation.UserAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session at once when its user is deactivated (or their organisation is), changes
 * role, or changes their password elsewhere: each signed-in page request reads the account and
 * compares when this session signed in with when the account's sessions became invalid. The
 * session's sign-in time is recorded on its first request.
 */
class SessionValidityFilter extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SessionValidityFilter.class.getName() + ".signedInAt";

    private final Directory directory;
    private final Clock clock;

    SessionValidityFilter(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
            if (signedInAt == null) {
                signedInAt = clock.instant();
                session.setAttribute(SIGNED_IN_AT, signedInAt);
            }
            UserAccount account = directory.findUser(user.getUsername()).orElse(null);
            if (account == null || !account.enabled() || (account.sessionsValidFrom() != null
                    && signedInAt.isBefore(account.sessionsValidFrom()))) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?ended");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** This session stays valid after its own user's password change (the others end). */
    static void renew(HttpServletRequest request, Instant at) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SIGNED_IN_AT, at);
        }
    }
}
