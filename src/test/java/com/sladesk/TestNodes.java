package com.sladesk;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node of the service for a test that stops one and starts another on the same database (a
 * restart): the test's profiles and database, any free port, no gRPC port, a small pool, its own
 * engine name, and none of the engine's web apps (as module tests start).
 */
public final class TestNodes {

    private TestNodes() {
    }

    public static ConfigurableApplicationContext start(Class<?> testClass, String engineName) {
        return new SpringApplicationBuilder(SlaDeskApplication.class)
                .profiles(new TestProfiles().resolve(testClass))
                .properties("server.port=0", "sladesk.grpc.enabled=false", "spring.datasource.hikari.maximum-pool-size=4",
                        "camunda.bpm.process-engine-name=" + engineName, SlaDeskModuleTest.WITHOUT_ENGINE_WEBAPPS,
                        SlaDeskModuleTest.WITHOUT_ENGINE_REST, "spring.jmx.enabled=false")
                .run();
    }
}
