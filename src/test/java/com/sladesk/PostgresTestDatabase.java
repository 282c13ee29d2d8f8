package com.sladesk;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * On PostgreSQL the suite starts from an empty {@code public} schema of the test database, before
 * Flyway or the process engine touch it, so every run is as on a fresh machine.
 */
@Configuration(proxyBeanMethods = false)
@Profile("pgtest")
class PostgresTestDatabase {

    @Bean
    static BeanPostProcessor resetPublicSchema() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof org.springframework.jdbc.datasource.DelegatingDataSource)) {
                    try (Connection connection = dataSource.getConnection();
                            Statement statement = connection.createStatement()) {
                        statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                        statement.execute("CREATE SCHEMA public");
                    }
                    catch (java.sql.SQLException e) {
                        throw new IllegalStateException("could not reset the PostgreSQL test schema", e);
                    }
                }
                return bean;
            }
        };
    }
}
