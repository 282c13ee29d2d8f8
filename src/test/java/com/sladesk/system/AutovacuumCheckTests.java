package com.sladesk.system;

import javax.sql.DataSource;

import com.sladesk.SlaDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** On PostgreSQL the check reads the server's own setting; on H2 it has nothing to say. */
@SlaDeskTest
@ExtendWith(OutputCaptureExtension.class)
class AutovacuumCheckTests {

    @Autowired
    AutovacuumCheck check;

    @Autowired
    DataSource dataSource;

    @Test
    void warnsExactlyWhenThePostgresServerRunsWithoutAutovacuum(CapturedOutput output) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        boolean postgres;
        try (var connection = dataSource.getConnection()) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        boolean off = postgres && "off".equals(jdbc.queryForObject("SHOW autovacuum", String.class));

        assertThat(check.autovacuumOff()).isEqualTo(off);
        check.warnIfOff();
        if (off) {
            assertThat(output.getOut()).contains(AutovacuumCheck.WARNING).contains("ANALYZE");
        } else {
            assertThat(output.getOut()).doesNotContain(AutovacuumCheck.WARNING);
        }
    }
}
