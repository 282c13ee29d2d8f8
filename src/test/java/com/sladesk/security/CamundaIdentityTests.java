package com.sladesk.security;

import java.util.List;

import com.sladesk.SlaDeskTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's identity follows ours: roles are groups, so candidate-group tasks reach the right people. */
@SlaDeskTest
class CamundaIdentityTests {

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    private String deploymentId;

    @AfterEach
    void undeploy() {
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void rolesAreEngineGroups() {
        // other tests may add SREs of their own
        assertThat(members("sre")).contains("sre", "sre2").doesNotContain("leader", "cto", "admin", "acme", "globex");
        assertThat(members("leadership")).containsExactly("leader");
        assertThat(members("cto")).containsExactly("cto");
        assertThat(members("camunda-admin")).containsExactly("admin");
        assertThat(identity.createGroupQuery().groupMember("acme").count()).isZero();
        assertThat(identity.createUserQuery().userId("sre").singleResult().getEmail()).isEqualTo("sre@sla-desk.example");
    }

    @Test
    void aTaskForGroupSreIsOfferedToEverySreAndNobodyElse() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("identity-check")
                .camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Check").camundaCandidateGroups("sre").endEvent().done();
        deploymentId = repository.createDeployment().addModelInstance("identity-check.bpmn", model).deploy().getId();
        String instance = runtime.startProcessInstanceByKey("identity-check").getId();

        assertThat(tasks.createTaskQuery().processInstanceId(instance).taskCandidateUser("sre").count()).isOne();
        assertThat(tasks.createTaskQuery().processInstanceId(instance).taskCandidateUser("sre2").count()).isOne();
        assertThat(tasks.createTaskQuery().processInstanceId(instance).taskCandidateUser("leader").count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(instance).taskCandidateUser("acme").count()).isZero();
    }

    private List<String> members(String group) {
        return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
    }
}
