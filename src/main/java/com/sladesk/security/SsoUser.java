package com.sladesk.security;

import java.util.Map;

import com.sladesk.organisation.UserAccount;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person signed in through the OpenID Connect provider: one of our users, with the provider's tokens. */
class SsoUser extends SignedInUser implements OidcUser {

    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    SsoUser(UserAccount account, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(account.username(), "", account.enabled(), false, account.role(), account.email(),
                account.organisationId(), account.organisationName());
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
