package com.sladesk.system;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures a command is run again for, as PostgreSQL and H2 report them, however deeply wrapped. */
class TransientConflictTests {

    @Test
    void deadlocksLockTimeoutsAndTheEnginesForeignKeyRacesAreRetriedOurForeignKeysAreNot() {
        assertThat(TransientConflict.isCause(wrapped(new SQLException("ERROR: deadlock detected", "40P01")))).isTrue();
        assertThat(TransientConflict.isCause(wrapped(new SQLException("lock timeout", "HYT00")))).isTrue();
        assertThat(TransientConflict.isCause(wrapped(new SQLException(
                "ERROR: update or delete on table \"act_ru_execution\" violates foreign key constraint "
                        + "\"act_fk_exe_parent\" on table \"act_ru_execution\"", "23503")))).isTrue();
        assertThat(TransientConflict.isCause(wrapped(new SQLException(
                "Referential integrity constraint violation: \"ACT_FK_EXE_PARENT: PUBLIC.ACT_RU_EXECUTION\"", "23503"))))
                .isTrue();
        assertThat(TransientConflict.isCause(wrapped(new SQLException(
                "ERROR: insert or update on table \"escalation_level\" violates foreign key constraint "
                        + "\"escalation_level_severity_fkey\"", "23503")))).as("our own constraints are bugs").isFalse();
        assertThat(TransientConflict.isCause(wrapped(new SQLException("syntax error", "42601")))).isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("ENGINE-03004", new RuntimeException("flush", new java.sql.BatchUpdateException(
                "Batch entry 0 was aborted", cause.getSQLState(), 0, new int[0], cause)));
    }
}
