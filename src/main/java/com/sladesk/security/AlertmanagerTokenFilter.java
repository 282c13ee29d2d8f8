package com.sladesk.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Alertmanager's webhook authenticates with a configured bearer token (its
 * {@code http_config.authorization}); a matching token signs the request in as "alertmanager"
 * with role ALERTMANAGER, which may only post alerts.
 */
class AlertmanagerTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "ALERTMANAGER";
    static final String PATH = "/api/alertmanager";

    private final byte[] token;

    AlertmanagerTokenFilter(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (token != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(presented, token)) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "alertmanager", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
            }
        }
        chain.doFilter(request, response);
    }
}
