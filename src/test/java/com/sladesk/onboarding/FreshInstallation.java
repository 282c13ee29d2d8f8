package com.sladesk.onboarding;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.sladesk.TestProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import testidp.TestIdentityProvider;

/**
 * A real installation's first start: no {@code demo} profile, an empty database of its own (H2 in
 * memory, or a PostgreSQL database created afresh beside the suite's), the first administrator's
 * address set, and single sign-on through a real OpenID Connect provider started here.
 */
final class FreshInstallation {

    static final String ADMIN_EMAIL = "owner@initech.example";
    static final String POSTGRES_DATABASE = "sladesk_onboarding";

    private FreshInstallation() {
    }

    /** {@code test} (and nothing else: no demo data, no PostgreSQL reset of the suite's database). */
    static class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return new String[] { "test" };
        }
    }

    private static TestIdentityProvider.Running provider;

    static synchronized TestIdentityProvider.Running provider() {
        if (provider == null) {
            provider = TestIdentityProvider.start();
        }
        return provider;
    }

    static void properties(DynamicPropertyRegistry registry) {
        if (TestProfiles.onPostgres()) {
            String suiteUrl = System.getenv().getOrDefault("SLADESK_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getenv().getOrDefault("SLADESK_TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("SLADESK_TEST_DB_PASSWORD", "");
            String url = suiteUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + POSTGRES_DATABASE);
            recreate(suiteUrl, user, password);
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> user);
            registry.add("spring.datasource.password", () -> password);
        }
        else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:sladesk-onboarding;DB_CLOSE_DELAY=-1");
        }
        registry.add("sladesk.oidc.issuer-uri", () -> provider().issuer());
    }

    private static void recreate(String suiteUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(suiteUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + POSTGRES_DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + POSTGRES_DATABASE);
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not create the onboarding test database", e);
        }
    }
}
