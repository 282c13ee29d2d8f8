package com.sladesk.security;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** What the sign-in page offers: the single sign-on button when a provider is configured. */
@Component
public class SignInOptions {

    /** Where the sign-in page's single sign-on button goes (Spring Security's authorization request). */
    public static final String SSO_PATH = "/oauth2/authorization/" + SingleSignOn.REGISTRATION_ID;

    private final OidcProperties oidc;

    SignInOptions(OidcProperties oidc) {
        this.oidc = oidc;
    }

    /** The provider's display name, when single sign-on is on. */
    public Optional<String> singleSignOn() {
        return oidc.enabled() ? Optional.of(oidc.displayName()) : Optional.empty();
    }
}
