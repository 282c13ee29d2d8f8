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
        assertThat(directory.emailsOf(Role.LEADERSHIP)).doesNotContain("module-drill-vp@sla-desk.example");
        scenario.stimulate(() -> directory.createUser("module-drill-vp", "module-drill-vp@sla-desk.example",
                        "a long enough password", Role.LEADERSHIP, null))
                .andWaitForEventOfType(UserAccountsChanged.class)
                .toArriveAndVerify(event -> assertThat(directory.emailsOf(Role.LEADERSHIP))
                        .contains("module-drill-vp@sla-desk.example"));
    }
}
