package com.sladesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The index that the job executor's acquisition query needs once we ask for timers first and by
 * due date ({@code jobExecutorPreferTimerJobs}, {@code jobExecutorAcquireByDueDate}): it orders by
 * {@code TYPE_ DESC, DUEDATE_ ASC}, and without an index every acquisition scanned and sorted every
 * job (144 ms for 3 jobs with 10,000 due, so timers fired at about 20 a second; see
 * docs/performance.md). Camunda does not ship this index, and its tables are made by the engine,
 * not by our Flyway migrations, so it is created here, once the engine has made its schema.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "sladesk_job_acquisition";
    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private final DataSource dataSource;

    JobAcquisitionIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON ACT_RU_JOB (TYPE_ DESC, DUEDATE_ ASC)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // another node creating it at the same moment: it exists either way, and acquisition works without it
            log.warn("could not create the job acquisition index {}: {}", NAME, e.getMessage());
        }
    }
}
