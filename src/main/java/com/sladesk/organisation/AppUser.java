package com.sladesk.organisation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
class AppUser {

    /** How a person signs in: a password of ours, or the OpenID Connect provider. */
    enum SignIn { PASSWORD, SSO }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String email;

    /** Null until an invitation is used, and always for single sign-on users. */
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    private boolean enabled = true;

    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    private SignIn signIn = SignIn.PASSWORD;

    private Instant sessionsValidFrom;

    private Instant deactivatedAt;

    protected AppUser() {
    }

    AppUser(String username, String email, String passwordHash, Role role, Organisation organisation, Instant createdAt) {
        checkRole(role, organisation);
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.organisation = organisation;
        this.createdAt = createdAt;
    }

    static AppUser signedInBySso(String username, String email, Role role, Instant createdAt) {
        AppUser user = new AppUser(username, email, null, role, null, createdAt);
        user.signIn = SignIn.SSO;
        return user;
    }

    private static void checkRole(Role role, Organisation organisation) {
        if ((role == Role.CUSTOMER) != (organisation != null)) {
            throw new IllegalArgumentException("a customer belongs to exactly one organisation, staff to none");
        }
    }

    void changeRole(Role role, Organisation organisation, Instant now) {
        checkRole(role, organisation);
        boolean changed = this.role != role || !sameOrganisation(organisation);
        this.role = role;
        this.organisation = organisation;
        if (changed) {
            // a session keeps the role it signed in with: it ends, and the next sign-in has the new role
            this.sessionsValidFrom = now;
        }
    }

    private boolean sameOrganisation(Organisation other) {
        return organisation == null ? other == null : other != null && organisation.getId().equals(other.getId());
    }

    void changePassword(String hash, Instant now) {
        this.passwordHash = hash;
        this.sessionsValidFrom = now;
    }

    void deactivate(Instant now) {
        this.enabled = false;
        this.deactivatedAt = now;
        this.sessionsValidFrom = now;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getEmail() {
        return email;
    }

    Role getRole() {
        return role;
    }

    boolean isEnabled() {
        return enabled;
    }

    UserAccount toAccount() {
        boolean organisationActive = organisation == null || organisation.isActive();
        return new UserAccount(id, username, email, passwordHash, role,
                organisation == null ? null : organisation.getId(),
                organisation == null ? null : organisation.getName(), enabled && organisationActive,
                signIn == SignIn.SSO, sessionsValidFrom, deactivatedAt != null);
    }
}
