package com.sladesk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A module test: only the test's module, the modules whose beans it uses and the shared
 * {@code system} module are started (with the same profiles and database as {@link SlaDeskTest}),
 * plus the modules named in {@link #extraIncludes()}: those that only listen to its events. Event
 * flows are written with Modulith's {@code Scenario}. Each module's context is closed after its
 * class and holds a small pool, so that they do not add up beside the application's context. It
 * names its process engine apart (without a hyphen, or Camunda ignores the name) and starts no
 * engine webapps: engines are registered by name in a static registry, and closing one named
 * "default" would leave the application's Cockpit without its engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import(SlaDeskModuleTest.Infrastructure.class)
@ActiveProfiles(resolver = TestProfiles.class)
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=4",
        "spring.datasource.hikari.minimum-idle=1", "camunda.bpm.process-engine-name=moduletests",
        SlaDeskModuleTest.WITHOUT_ENGINE_WEBAPPS, SlaDeskModuleTest.WITHOUT_ENGINE_REST })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface SlaDeskModuleTest {

    /**
     * Cockpit, Tasklist, their sign-on filter and the engine's REST API, which a second context must not
     * start: they keep static state, and closing that context would leave the application's Cockpit
     * answering 404.
     */
    String WITHOUT_ENGINE_WEBAPPS = "camunda.bpm.webapp.enabled=false";

    String WITHOUT_ENGINE_REST = "spring.autoconfigure.exclude="
            + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";

    /** Modules started besides the dependencies, by name: typically the listeners of the module's events. */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
    String[] extraIncludes() default {};

    /**
     * What the security module provides to the whole application, for a module test that does not
     * start it: the password encoder the directory stores new users' passwords with.
     */
    @TestConfiguration(proxyBeanMethods = false)
    class Infrastructure {

        /** Used only where the security module is not started (it defines the application's encoder). */
        @Bean
        @Fallback
        PasswordEncoder moduleTestPasswordEncoder() {
            return new BCryptPasswordEncoder();
        }
    }
}
