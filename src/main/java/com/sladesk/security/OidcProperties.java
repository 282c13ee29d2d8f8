package com.sladesk.security;

import java.util.List;
import java.util.Map;

import com.sladesk.organisation.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on for staff through an OpenID Connect provider ({@code sladesk.oidc.*}); off while
 * {@code issuer-uri} is empty. {@code role-mapping} maps a group (as the {@code groups-claim} of the
 * ID token or user info carries it) to a staff role; with several, the strongest wins
 * (ADMIN, CTO, LEADERSHIP, SRE).
 */
@ConfigurationProperties("sladesk.oidc")
record OidcProperties(String issuerUri, String clientId, String clientSecret,
        @DefaultValue("groups") String groupsClaim, @DefaultValue("Single sign-on") String displayName,
        @DefaultValue({ "openid", "profile", "email" }) List<String> scopes, Map<String, Role> roleMapping) {

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    Map<String, Role> roles() {
        return roleMapping == null ? Map.of() : roleMapping;
    }
}
