package com.sladesk.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ProcessSteps#start} starts a process by its newest definition's id, kept for
 * {@link ProcessSteps#NEWEST_KEPT_FOR} (issue #21: by key, the engine asked the database at every
 * start): a version deployed at run time is started once that time has passed.
 */
@SlaDeskTest
@Tag("clock")
class ProcessStepsTests {

    static final Instant NOW = Instant.parse("2026-11-03T10:00:00Z");

    @Autowired
    ProcessSteps steps;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void resetClockAndUndeploy() {
        TestClock.runFromStart();
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void startsTheNewestVersionKeptForAWhile() {
        TestClock.pin(NOW);
        String key = "steps-newest-" + System.nanoTime();
        deploy(key, "v1");
        steps.start(key, "a", Map.of());
        assertThat(versionStartedFor(key, "a")).isEqualTo(1);

        deploy(key, "v2");
        steps.start(key, "b", Map.of());
        assertThat(versionStartedFor(key, "b")).as("within the time the newest is kept").isEqualTo(1);

        TestClock.pin(NOW.plus(ProcessSteps.NEWEST_KEPT_FOR));
        steps.start(key, "c", Map.of());
        assertThat(versionStartedFor(key, "c")).isEqualTo(2);
    }

    @Test
    void aKeyWithNoDefinitionFailsAsTheEngineDoes() {
        assertThatThrownBy(() -> steps.start("no-such-process-" + System.nanoTime(), "x", Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("no-such-process-");
    }

    private void deploy(String key, String name) {
        var model = Bpmn.createExecutableProcess(key).name(name).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Wait").endEvent().done();
        deployments.add(repository.createDeployment().addModelInstance(key + ".bpmn", model)
                .enableDuplicateFiltering(false).deploy().getId());
    }

    private int versionStartedFor(String key, String businessKey) {
        String definitionId = history.createHistoricProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(businessKey).singleResult().getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }
}
