package com.sladesk.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.system.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Load shedding for the writes that start a process (opening an incident, claiming a credit, an
 * Alertmanager notification): at most {@code max-concurrent} run at once, and one that cannot
 * start within {@code max-wait} is refused at once with 503 and {@code Retry-After}, having
 * written nothing. Without it, writes over capacity queue for database connections until they
 * time out, and hold up the reads behind them (docs/performance.md, issue #21). Runs after
 * security, so a request without the right to write is still a 401 or 403.
 */
@Component
@EnableConfigurationProperties(WriteBulkhead.Settings.class)
class WriteBulkhead extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WriteBulkhead.class);

    /**
     * @param enabled whether writes are limited at all
     * @param maxConcurrent process-starting writes running at once on this node
     * @param maxWait how long a write may wait for its turn before it is refused
     * @param retryAfter what the refusal tells the client to wait
     * @param paths the POST paths limited (exact)
     */
    @ConfigurationProperties("sladesk.load-shedding")
    record Settings(Boolean enabled, Integer maxConcurrent, Duration maxWait, Duration retryAfter, List<String> paths) {
        Settings {
            enabled = enabled == null || enabled;
            maxConcurrent = maxConcurrent == null ? 8 : maxConcurrent;
            maxWait = maxWait == null ? Duration.ofMillis(250) : maxWait;
            retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
            paths = paths == null ? List.of("/api/incidents", "/api/credit-requests", "/api/alertmanager") : List.copyOf(paths);
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("sladesk.load-shedding.max-concurrent must be at least 1");
            }
        }
    }

    private final Settings settings;
    private final Semaphore permits;
    private final Counter shed;
    private final Counter admitted;
    private final byte[] refusal;

    WriteBulkhead(Settings settings, MeterRegistry meters, ObjectMapper json) throws IOException {
        this.settings = settings;
        this.permits = new Semaphore(settings.maxConcurrent());
        this.shed = Counter.builder("sladesk.writes.shed").description("Process-starting writes refused with 503 (load shedding)")
                .register(meters);
        this.admitted = Counter.builder("sladesk.writes.admitted").description("Process-starting writes let through")
                .register(meters);
        Gauge.builder("sladesk.writes.in.flight", permits, p -> settings.maxConcurrent() - p.availablePermits())
                .description("Process-starting writes running now").register(meters);
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                "Too many writes at once; nothing was changed. Retry after " + seconds() + " s.");
        problem.setTitle("Service overloaded");
        this.refusal = json.writeValueAsBytes(problem);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || !"POST".equals(request.getMethod())
                || !settings.paths().contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(settings.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            shed.increment();
            log.debug("Shed {} {}: {} writes already running", request.getMethod(), request.getRequestURI(),
                    settings.maxConcurrent());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", String.valueOf(seconds()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(refusal.length);
            response.getOutputStream().write(refusal);
            return;
        }
        admitted.increment();
        try {
            chain.doFilter(request, response);
        }
        finally {
            permits.release();
        }
    }

    private long seconds() {
        return Math.max(1, settings.retryAfter().toSeconds());
    }
}
