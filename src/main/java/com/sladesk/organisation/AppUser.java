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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String email;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    private boolean enabled = true;

    private Instant createdAt;

    protected AppUser() {
    }

    AppUser(String username, String email, String passwordHash, Role role, Organisation organisation, Instant createdAt) {
        if ((role == Role.CUSTOMER) != (organisation != null)) {
            throw new IllegalArgumentException("a customer belongs to exactly one organisation, staff to none");
        }
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.organisation = organisation;
        this.createdAt = createdAt;
    }

    UserAccount toAccount() {
        return new UserAccount(id, username, email, passwordHash, role,
                organisation == null ? null : organisation.getId(),
                organisation == null ? null : organisation.getName(), enabled);
    }
}
