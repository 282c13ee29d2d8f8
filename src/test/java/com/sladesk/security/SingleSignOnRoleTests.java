package com.sladesk.security;

import java.util.List;
import java.util.Map;

import com.sladesk.organisation.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the identity provider's groups become one staff role. */
class SingleSignOnRoleTests {

    private final Map<String, Role> mapping = Map.of("sre", Role.SRE, "leads", Role.LEADERSHIP, "admins", Role.ADMIN,
            "customers", Role.CUSTOMER);

    @Test
    void theStrongestMappedRoleWins() {
        assertThat(SingleSignOn.roleOf(List.of("sre", "marketing", "admins"), mapping)).contains(Role.ADMIN);
        assertThat(SingleSignOn.roleOf(List.of("leads", "sre"), mapping)).contains(Role.LEADERSHIP);
    }

    @Test
    void noMappedGroupOrOnlyACustomerMappingGivesNoRole() {
        assertThat(SingleSignOn.roleOf(List.of("marketing"), mapping)).isEmpty();
        assertThat(SingleSignOn.roleOf(List.of(), mapping)).isEmpty();
        assertThat(SingleSignOn.roleOf(List.of("customers"), mapping)).as("single sign-on is for staff").isEmpty();
    }

    @Test
    void groupsComeAsAListOrAsOneString() {
        assertThat(SingleSignOn.groups(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(SingleSignOn.groups("a b,c")).containsExactly("a", "b", "c");
        assertThat(SingleSignOn.groups(null)).isEmpty();
    }
}
