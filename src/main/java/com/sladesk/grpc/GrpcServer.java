package com.sladesk.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import com.sladesk.security.ApiTokens;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The intake's server (grpc-java over Netty), started and stopped with the application. */
@Component
class GrpcServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);

    private final GrpcProperties properties;
    private final IncidentsService service;
    private final ApiTokens tokens;
    private volatile Server server;

    GrpcServer(GrpcProperties properties, IncidentsService service, ApiTokens tokens) {
        this.properties = properties;
        this.service = service;
        this.tokens = tokens;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(properties.address(), properties.port()))
                    .addService(ServerInterceptors.intercept(service, new TokenAuthentication(tokens)))
                    .build().start();
            log.info("gRPC intake sladesk.v1.Incidents listening on port {}", server.getPort());
        }
        catch (IOException e) {
            throw new UncheckedIOException("the gRPC intake could not listen on port " + properties.port(), e);
        }
    }

    @Override
    public void stop() {
        Server running = server;
        if (running != null) {
            service.endWatches();
            running.shutdown();
            try {
                if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.shutdownNow();
            }
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port it listens on (the free one chosen for port 0); -1 when it is not running. */
    public int port() {
        Server running = server;
        return running == null ? -1 : running.getPort();
    }
}
