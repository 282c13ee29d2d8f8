package com.sladesk.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Load shedding for the writes that start a process (opening an incident, claiming a credit, an
 * Alertmanager notification): at most {@code max-concurrent} run at once, and one that cannot
 * start within {@code max-wait} is refused at once with 503 and {@code Retry-After}, having
 * written nothing. Without it, writes over capacity queue for database connections until they
 * time out, and hold up the reads behind them (docs/performance.md, issue #21).
 * <p>
 * Reads come first: while more than {@code busy-requests} requests are being worked on at once on
 * the node ({@link RequestBulkhead}'s count), a write is refused without waiting. A write costs
 * the CPU of some fifty reads, so under more load than the node can serve, shedding writes early
 * keeps the reads fast, and the writes come back as soon as the reads are served. Runs after
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
     * @param busyRequests requests in flight on the node above which a write is refused at once
     */
    @ConfigurationProperties("sladesk.load-shedding")
    record Settings(Boolean enabled, Integer maxConcurrent, Duration maxWait, Duration retryAfter, List<String> paths,
            Integer busyRequests) {
        Settings {
            enabled = enabled == null || enabled;
            maxConcurrent = maxConcurrent == null ? 8 : maxConcurrent;
            maxWait = maxWait == null ? Duration.ofMillis(250) : maxWait;
            retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
            paths = paths == null ? List.of("/api/incidents", "/api/credit-requests", "/api/alertmanager") : List.copyOf(paths);
            busyRequests = busyRequests == null ? 32 : busyRequests;
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("sladesk.load-shedding.max-concurrent must be at least 1");
            }
        }
    }

    private final Settings settings;
    private final Bulkhead permits;
    private final Bulkhead requests;
    private final Counter admitted;

    WriteBulkhead(Settings settings, Bulkhead requests, MeterRegistry meters, ObjectMapper json) throws IOException {
        this.settings = settings;
        this.requests = requests;
        this.permits = new Bulkhead("writes", settings.maxConcurrent(), settings.retryAfter(), meters, json);
        this.admitted = Counter.builder("sladesk.writes.admitted").description("Process-starting writes let through")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || !"POST".equals(request.getMethod())
                || !settings.paths().contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // this write is one of the requests in flight: "busy" means more than the bound besides it
        boolean busy = requests.inFlight() > settings.busyRequests() + 1;
        if (busy || !permits.enter(settings.maxWait())) {
            log.debug("Shed {} {}: {}", request.getMethod(), request.getRequestURI(),
                    busy ? "the node is busy with reads" : settings.maxConcurrent() + " writes already running");
            permits.refuse(response);
            return;
        }
        admitted.increment();
        try {
            chain.doFilter(request, response);
        }
        finally {
            permits.leave();
        }
    }
}
