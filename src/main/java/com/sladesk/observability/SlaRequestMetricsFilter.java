package com.sladesk.observability;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SLIs 1 and 2: every API and page request counted as {@code mahavishnu_requests_total} (and
 * {@code _success_total} / {@code mahavishnu_errors_total}) and timed in
 * {@code mahavishnu_request_duration_seconds} with exactly the SLA's buckets. An error is a 5xx
 * answer (the Error Rate SLO excludes 4xx).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SlaRequestMetricsFilter extends OncePerRequestFilter {

    /** SLIs 2, "Buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]". */
    static final Duration[] BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10) };

    /** The process engine that serves workflow requests. */
    static final String ADAPTER = "camunda";

    private static final Set<String> WORKFLOW_PREFIXES = Set.of("/api/incidents", "/api/credit-requests",
            "/api/maintenance", "/api/exceptions", "/api/changes", "/api/alertmanager", "/sre/incidents",
            "/sre/credits", "/sre/maintenance", "/portal/credits", "/exceptions", "/changes", "/tasks");

    private final MeterRegistry registry;

    SlaRequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
        // present from the first scrape, so rate() and the error-rate alerts see a zero, not a gap
        for (String operation : new String[] { "query", "workflow", "mutation" }) {
            counter("mahavishnu.errors", operation, "error");
            counter("mahavishnu.requests", operation, "error");
            counter("mahavishnu.requests", operation, "success");
            counter("mahavishnu.requests.success", operation, "success");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/actuator") || uri.startsWith("/css/") || uri.startsWith("/js/")
                || uri.startsWith("/camunda/") || uri.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean failed = false;
        try {
            chain.doFilter(request, response);
        }
        catch (IOException | ServletException | RuntimeException e) {
            failed = true;
            throw e;
        }
        finally {
            String operation = operation(request);
            String status = failed || response.getStatus() >= 500 ? "error" : "success";
            Timer.builder("mahavishnu.request.duration").description("API and page request latency")
                    .serviceLevelObjectives(BUCKETS).tag("operation", operation).tag("adapter", ADAPTER)
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - start));
            counter("mahavishnu.requests", operation, status).increment();
            if ("success".equals(status)) {
                counter("mahavishnu.requests.success", operation, status).increment();
            }
            else {
                counter("mahavishnu.errors", operation, status).increment();
            }
        }
    }

    private Counter counter(String name, String operation, String status) {
        return Counter.builder(name).tag("operation", operation).tag("status", status).tag("adapter", ADAPTER)
                .register(registry);
    }

    /** query for reads; workflow for writes that start or move a process; mutation for other writes. */
    static String operation(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return "query";
        }
        String uri = request.getRequestURI();
        return WORKFLOW_PREFIXES.stream().anyMatch(uri::startsWith) ? "workflow" : "mutation";
    }
}
