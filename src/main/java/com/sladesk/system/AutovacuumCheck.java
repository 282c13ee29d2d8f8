package com.sladesk.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when PostgreSQL runs without autovacuum. Camunda's tables start empty and grow
 * by thousands of rows an hour; with statistics from when they were small, PostgreSQL plans every
 * insert's foreign-key checks as scans of them, and a process start slowed from about 240 to 90 a
 * second in the benchmark (docs/performance.md). The service still starts: the setting is the
 * database administrator's, and a server analysed by hand on a schedule is fine.
 */
@Component
class AutovacuumCheck {

    static final String WARNING = "PostgreSQL runs with autovacuum off";
    private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);

    private final DataSource dataSource;

    AutovacuumCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfOff() {
        if (autovacuumOff()) {
            log.warn("{}: Camunda's tables grow quickly, and with stale statistics every insert's foreign-key "
                    + "checks scan them (writes about 2.5 times slower in docs/performance.md). Turn autovacuum on, "
                    + "or run ANALYZE at least every few minutes.", WARNING);
        }
    }

    /** True only on a PostgreSQL server that reports {@code autovacuum = off}. */
    boolean autovacuumOff() {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return false;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet setting = statement.executeQuery("SHOW autovacuum")) {
                return setting.next() && "off".equalsIgnoreCase(setting.getString(1));
            }
        } catch (SQLException e) {
            log.debug("Could not read the autovacuum setting: {}", e.getMessage());
            return false;
        }
    }
}
