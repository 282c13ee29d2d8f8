package com.sladesk;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A switch between the service and its database for in-JVM outage tests: while it is off, every
 * request for a connection fails as a pool that cannot reach its server does. On for every other
 * test; a test that turns it off turns it on again.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseSwitch {

    private static volatile boolean down;

    public static void down() {
        down = true;
    }

    public static void up() {
        down = false;
    }

    @Bean
    static BeanPostProcessor switchableDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && "dataSource".equals(beanName)
                        ? new Switchable(dataSource) : bean;
            }
        };
    }

    static final class Switchable implements DataSource {

        private final DataSource target;

        Switchable(DataSource target) {
            this.target = target;
        }

        private void check() throws SQLException {
            if (down) {
                throw new SQLTransientConnectionException("Connection is not available (test: database switched off)", "08001");
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            check();
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            check();
            return target.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || target.isWrapperFor(type);
        }
    }
}
