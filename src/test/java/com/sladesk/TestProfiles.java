package com.sladesk;

import org.springframework.test.context.ActiveProfilesResolver;

/** {@code test} and {@code demo} always; {@code pgtest} when the suite runs on PostgreSQL. */
public class TestProfiles implements ActiveProfilesResolver {

    public static boolean onPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("sladesk.test.db", "h2"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return onPostgres() ? new String[] { "test", "demo", "pgtest" } : new String[] { "test", "demo" };
    }
}
