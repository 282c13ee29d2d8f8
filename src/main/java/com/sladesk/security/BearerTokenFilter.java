package com.sladesk.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.organisation.Role;
import com.sladesk.organisation.UserAccount;
import com.sladesk.system.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer sla_…} on the API: an API token signs the request in as its user
 * (personal) or as {@code token:<name>} with the SRE role (service), and its scopes narrow what
 * that role may do: {@code read} for GET, {@code incidents:write} for changes to incidents and
 * Alertmanager alerts, {@code changes:write} for change requests, {@code slos:write} for SLOs; anything else is 403. An unknown,
 * revoked or expired token is 401. Only in the API's chain: a token never opens a page.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ObjectMapper json;

    BearerTokenFilter(ApiTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || !header.substring(7).trim().startsWith(ApiTokens.PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        var bearer = tokens.authenticate(header.substring(7).trim());
        if (bearer.isEmpty()) {
            refuse(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "the API token is unknown, revoked or expired, or its user is deactivated");
            return;
        }
        TokenScope needed = scopeNeeded(request);
        if (needed == null || !bearer.get().scopes().contains(needed)) {
            refuse(response, HttpStatus.FORBIDDEN, "forbidden", "the API token's scopes "
                    + bearer.get().scopes().stream().map(TokenScope::value).toList() + " do not allow "
                    + request.getMethod() + " " + request.getRequestURI()
                    + (needed == null ? "" : " (it needs " + needed.value() + ")"));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(authentication(bearer.get()));
        chain.doFilter(request, response);
    }

    /** The scope a request needs; null when no token may send it (creating tokens, say). */
    static TokenScope scopeNeeded(HttpServletRequest request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return TokenScope.READ;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/incidents") || path.startsWith("/api/incidents/") || path.equals(AlertmanagerTokenFilter.PATH)
                || path.startsWith("/api/postmortems/")) {
            return TokenScope.INCIDENTS_WRITE;
        }
        if (path.equals("/api/changes") || path.startsWith("/api/changes/")) {
            return TokenScope.CHANGES_WRITE;
        }
        if (path.equals("/api/slos") || path.startsWith("/api/slos/")) {
            return TokenScope.SLOS_WRITE;
        }
        return null;
    }

    private static UsernamePasswordAuthenticationToken authentication(ApiTokens.Bearer bearer) {
        UserAccount user = bearer.user();
        if (user != null) {
            SignedInUser principal = new SignedInUser(user.username(), "", true, false, user.role(), user.email(),
                    user.organisationId(), user.organisationName());
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        }
        // a service token: an SRE's reach within its scopes, plus the scrape and Alertmanager doors it needs
        SignedInUser principal = new SignedInUser("token:" + bearer.tokenName(), "", true, false, Role.SRE, null,
                null, null);
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        if (bearer.scopes().contains(TokenScope.READ)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + SlaUserDetailsService.METRICS_ROLE));
        }
        if (bearer.scopes().contains(TokenScope.INCIDENTS_WRITE)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + AlertmanagerTokenFilter.ROLE));
        }
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        json.writeValue(response.getOutputStream(), Problems.of(status, type, detail));
    }
}
