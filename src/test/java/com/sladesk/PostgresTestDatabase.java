package com.sladesk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * On PostgreSQL the suite starts from an empty {@code public} schema of the test database, before
 * Flyway or the process engine touch it, so every run is as on a fresh machine. Only the first
 * context of the run resets it: the module tests' contexts, started later, share the database as
 * they do on H2, and must not empty it under the contexts already running.
 */
@Configuration(proxyBeanMethods = false)
@Profile("pgtest")
class PostgresTestDatabase {

    private static final AtomicBoolean RESET = new AtomicBoolean();

    @Bean
    static BeanPostProcessor resetPublicSchema() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
                        && RESET.compareAndSet(false, true)) {
                    try (Connection connection = dataSource.getConnection();
                            Statement statement = connection.createStatement()) {
                        statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                        statement.execute("CREATE SCHEMA public");
                    }
                    catch (SQLException e) {
                        throw new IllegalStateException("could not reset the PostgreSQL test schema", e);
                    }
                }
                return bean;
            }
        };
    }
}
