package com.sladesk.security;

import java.util.List;

import com.sladesk.organisation.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of every signed-in person: role, email and, for customers, their organisation. */
public class SignedInUser extends User {

    private static final long serialVersionUID = 1L;

    private final Role role;
    private final String email;
    private final Long organisationId;
    private final String organisationName;

    SignedInUser(String username, String passwordHash, boolean enabled, boolean locked, Role role, String email,
            Long organisationId, String organisationName) {
        super(username, passwordHash, enabled, true, true, !locked,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.role = role;
        this.email = email;
        this.organisationId = organisationId;
        this.organisationName = organisationName;
    }

    /** A copy with the password hash: the signed-in principal's own copy has its credentials erased. */
    SignedInUser copy() {
        return new SignedInUser(getUsername(), getPassword(), isEnabled(), !isAccountNonLocked(), role, email,
                organisationId, organisationName);
    }

    public Role role() {
        return role;
    }

    public String email() {
        return email;
    }

    /** The customer's organisation; null for staff. */
    public Long organisationId() {
        return organisationId;
    }

    public String organisationName() {
        return organisationName;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }
}
