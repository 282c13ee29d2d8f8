package com.sladesk.system;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Full history, less the two kinds of row nobody reads (issue #21): every process start wrote one
 * {@code ACT_HI_DETAIL} row per variable (the variable's value at each change; the variable's
 * latest value stays in {@code ACT_HI_VARINST}) and one {@code ACT_HI_JOB_LOG} row for every job
 * created (each timer and asynchronous step; its success, failure and deletion are still logged,
 * with its due date, which is what the benchmark's timer lateness and Cockpit's job view read).
 * Process, activity, task, variable, incident, decision and user-operation history are written as
 * before, so Cockpit, the audit and the reports read what they did. The engine's history level
 * stays {@code full}, so an existing database starts without a migration, and
 * {@code sladesk.history.lean=false} writes everything again.
 */
@Component
class LeanHistory extends AbstractProcessEnginePlugin {

    private final boolean lean;

    LeanHistory(@Value("${sladesk.history.lean:true}") boolean lean) {
        this.lean = lean;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (lean) {
            configuration.setHistoryEventHandler(new Handler());
        }
    }

    static final class Handler extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            // a job log entry carries its state, not an event name
            if (event instanceof HistoricJobLogEvent log && log.getState() == JobState.CREATED.getStateCode()) {
                return;
            }
            super.handleEvent(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
