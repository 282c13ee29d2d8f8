package com.sladesk.security;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import com.sladesk.organisation.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Staff sign in through an OpenID Connect provider when {@code sladesk.oidc.issuer-uri} is set.
 * The provider's metadata is read on the first sign-in (so the service starts while the provider
 * is down); the first sign-in creates the user with the role its groups map to; a person whose
 * groups map to no staff role is refused with a page that says so.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sladesk.oidc", name = "issuer-uri")
class SingleSignOn {

    static final String REGISTRATION_ID = "sso";
    static final String NO_ROLE = "sladesk_no_role";
    static final String REFUSED = "sladesk_refused";

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

    /** Strongest first: a person in several mapped groups gets the first of these. */
    private static final List<Role> STRENGTH = List.of(Role.ADMIN, Role.CTO, Role.LEADERSHIP, Role.SRE);

    @Bean
    ClientRegistrationRepository clientRegistrations(OidcProperties oidc) {
        AtomicReference<ClientRegistration> resolved = new AtomicReference<>();
        return id -> {
            if (!REGISTRATION_ID.equals(id)) {
                return null;
            }
            ClientRegistration registration = resolved.get();
            if (registration == null) {
                registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri()).registrationId(REGISTRATION_ID)
                        .clientId(oidc.clientId()).clientSecret(oidc.clientSecret()).scope(oidc.scopes())
                        .clientName(oidc.displayName()).build();
                resolved.compareAndSet(null, registration);
                log.info("Single sign-on through {}", oidc.issuerUri());
            }
            return registration;
        };
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> ssoUsers(OidcProperties oidc, Directory directory) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser signedIn = provider.loadUser(request);
            Optional<Role> role = roleOf(groups(signedIn.getClaims().get(oidc.groupsClaim())), oidc.roles());
            if (role.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE,
                        "none of your groups is mapped to an SLA Desk role", null));
            }
            String email = signedIn.getEmail();
            if (email == null || email.isBlank()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED,
                        "the identity provider sent no e-mail address", null));
            }
            String username = Objects.requireNonNullElse(signedIn.getPreferredUsername(), email);
            UserAccount account = directory.signInBySso(username.length() > 64 ? email : username, email, role.get())
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(REFUSED,
                            "this account is deactivated, or is a customer's (customers sign in with a password)",
                            null)));
            return new SsoUser(account, signedIn.getIdToken(), signedIn.getUserInfo());
        };
    }

    static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value) {
            return List.of(value.split("[ ,]+"));
        }
        return List.of();
    }

    static Optional<Role> roleOf(List<String> groups, Map<String, Role> mapping) {
        return groups.stream().map(mapping::get).filter(Objects::nonNull).filter(r -> r != Role.CUSTOMER)
                .min(Comparator.comparingInt(STRENGTH::indexOf));
    }
}
