package com.sladesk.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bound on the requests a node works on at once (issue #21): beyond {@code max-concurrent}, a
 * request waits at most {@code max-wait} for its turn and is then answered 503 with
 * {@code Retry-After}, before any work (it runs ahead of security). Without it, a node that starts
 * cold into load, or meets more load than it can serve, queues requests until every one times out
 * and collapses; with it, it serves what it can at once and refuses the rest. Health and readiness
 * are never limited, so a load balancer still sees the node.
 */
class RequestBulkhead extends OncePerRequestFilter {

    /**
     * @param maxConcurrent requests worked on at once on this node
     * @param maxWait how long a request may wait for its turn before it is refused
     * @param exempt path prefixes never limited
     */
    @ConfigurationProperties("sladesk.load-shedding.requests")
    record Settings(Boolean enabled, Integer maxConcurrent, Duration maxWait, List<String> exempt) {
        Settings {
            enabled = enabled == null || enabled;
            maxConcurrent = maxConcurrent == null ? 96 : maxConcurrent;
            maxWait = maxWait == null ? Duration.ofMillis(250) : maxWait;
            exempt = exempt == null ? List.of("/health", "/ready", "/actuator/") : List.copyOf(exempt);
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("sladesk.load-shedding.requests.max-concurrent must be at least 1");
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    static class Registration {

        /** The bound itself, a bean so that {@link WriteBulkhead} can see how busy the node is. */
        @Bean
        Bulkhead requestPermits(Settings settings, MeterRegistry meters, ObjectMapper json) throws IOException {
            return new Bulkhead("requests", settings.maxConcurrent(), Duration.ofSeconds(1), meters, json);
        }

        @Bean
        FilterRegistrationBean<RequestBulkhead> requestBulkhead(Settings settings, Bulkhead requestPermits) {
            FilterRegistrationBean<RequestBulkhead> registration = new FilterRegistrationBean<>(
                    new RequestBulkhead(settings, requestPermits));
            // ahead of everything that costs: security, metrics, the controllers
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            registration.setName("requestBulkhead");
            return registration;
        }
    }

    private final Settings settings;
    private final Bulkhead permits;

    RequestBulkhead(Settings settings, Bulkhead permits) {
        this.settings = settings;
        this.permits = permits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!settings.enabled()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return settings.exempt().stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.enter(settings.maxWait())) {
            permits.refuse(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            permits.leave();
        }
    }
}
