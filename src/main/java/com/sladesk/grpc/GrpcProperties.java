package com.sladesk.grpc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sladesk.grpc.*}: whether the intake runs, its address and port (0: any free port, as
 * the tests use), and how often a watch looks for changes made on any node.
 */
@ConfigurationProperties("sladesk.grpc")
record GrpcProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0.0.0.0") String address,
        @DefaultValue("9090") int port, @DefaultValue("PT1S") Duration watchInterval) {
}
