package com.sladesk.system;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The start-up warning, by behaviour: on PostgreSQL the server's setting is switched off and on
 * for real (ALTER SYSTEM and a configuration reload, as an administrator would), and the check
 * warns exactly while it is off; on H2 it says nothing.
 */
@SlaDeskTest
@ExtendWith(OutputCaptureExtension.class)
class AutovacuumCheckTests {

    @Autowired
    AutovacuumCheck check;

    @Autowired
    DataSource dataSource;

    @Test
    void warnsWhileThePostgresServerRunsWithoutAutovacuumAndNotWhenItRunsWithIt(CapturedOutput output) {
        assumeTrue(TestProfiles.onPostgres(), "a PostgreSQL server setting");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            serverSetting(jdbc, "off");
            check.warnIfOff();
            assertThat(output.getOut()).contains(AutovacuumCheck.WARNING).contains("ANALYZE");

            int before = output.getOut().length();
            serverSetting(jdbc, "on");
            check.warnIfOff();
            assertThat(output.getOut().substring(before)).doesNotContain(AutovacuumCheck.WARNING);
        }
        finally {
            jdbc.execute("ALTER SYSTEM RESET autovacuum");
            jdbc.queryForObject("SELECT pg_reload_conf()", Boolean.class);
        }
    }

    @Test
    void saysNothingOnH2(CapturedOutput output) {
        assumeTrue(!TestProfiles.onPostgres(), "the embedded database");
        check.warnIfOff();
        assertThat(output.getOut()).doesNotContain(AutovacuumCheck.WARNING);
    }

    /** Sets the server's autovacuum and waits until a new session sees it (a reload is asynchronous). */
    private static void serverSetting(JdbcTemplate jdbc, String value) {
        jdbc.execute("ALTER SYSTEM SET autovacuum = " + value);
        jdbc.queryForObject("SELECT pg_reload_conf()", Boolean.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!value.equals(jdbc.queryForObject("SHOW autovacuum", String.class))) {
            assertThat(Instant.now()).as("autovacuum = " + value + " after a reload").isBefore(deadline);
            Thread.onSpinWait();
        }
    }
}
