package com.sladesk.organisation;

import com.sladesk.SlaDeskModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory alone: a new user is announced, and the role's e-mail list includes them at once. */
@SlaDeskModuleTest
class OrganisationModuleTests {

    @Autowired
    Directory directory;

    @Test
    void aNewUserIsAnnouncedAndInTheirRolesListAtOnce(Scenario scenario) {
        // a customer: staff lists (who is warned, who is in which engine group) stay as other tests expect
        long acme = directory.findUser("acme").orElseThrow().organisationId();
        assertThat(directory.emailsOf(Role.CUSTOMER)).doesNotContain("module-drill@acme.example");
        scenario.stimulate(() -> directory.createUser("module-drill-customer", "module-drill@acme.example",
                        "a long enough password", Role.CUSTOMER, acme))
                .andWaitForEventOfType(UserAccountsChanged.class)
                .toArriveAndVerify(event -> assertThat(directory.emailsOf(Role.CUSTOMER))
                        .contains("module-drill@acme.example"));
    }
}
