package com.sladesk.security;

import com.sladesk.SlaDeskModuleTest;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security module with the directory it depends on: when users change, the process engine's
 * identities follow (a new SRE can claim SRE tasks in Cockpit and the inbox), without the directory
 * calling security.
 */
@SlaDeskModuleTest
class SecurityModuleTests {

    @Autowired
    Directory directory;

    @Autowired
    IdentityService identity;

    @Test
    void aNewStaffMemberBecomesAnEngineUserInTheirGroup(Scenario scenario) {
        scenario.stimulate(() -> directory.createUser("module-drill-sre", "module-drill-sre@sla-desk.example",
                        "a long enough password", Role.SRE, null))
                .andWaitForStateChange(() -> identity.createUserQuery().userId("module-drill-sre").singleResult())
                .andVerify(user -> assertThat(identity.createGroupQuery().groupMember("module-drill-sre").list())
                        .extracting(group -> group.getId()).contains(Role.SRE.processGroup().orElseThrow()));
    }
}
