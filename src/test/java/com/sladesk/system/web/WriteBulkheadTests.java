package com.sladesk.system.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load shedding of process-starting writes: beyond the limit a write is refused at once with 503,
 * Retry-After and a problem, and never reaches the controller (so nothing is written); reads and
 * other paths are never limited; a permit comes back when a write ends, even one that failed.
 */
class WriteBulkheadTests {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** The node's bound on requests at once, as RequestBulkhead holds it (nothing in flight). */
    private final Bulkhead requests = requestBound();

    private Bulkhead requestBound() {
        try {
            return new Bulkhead("requests", 64, Duration.ofSeconds(1), new SimpleMeterRegistry(), json);
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request bound with {@code n} requests in flight. */
    private Bulkhead busy(int n) {
        Bulkhead bound = requestBound();
        for (int i = 0; i < n; i++) {
            assertThat(bound.enter(Duration.ZERO)).isTrue();
        }
        return bound;
    }

    private WriteBulkhead bulkhead(int max) throws Exception {
        return new WriteBulkhead(new WriteBulkhead.Settings(true, max, Duration.ofMillis(50), Duration.ofSeconds(2),
                List.of("/api/incidents"), 32), requests, meters, json);
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        return request;
    }

    @Test
    void writesBeyondTheLimitAreRefusedAtOnceAndNeverReachTheController() throws Exception {
        WriteBulkhead bulkhead = bulkhead(2);
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reached = new AtomicInteger();
        FilterChain slowWrite = (req, res) -> {
            reached.incrementAndGet();
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
        };
        List<Future<MockHttpServletResponse>> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(threads.submit(() -> {
                MockHttpServletResponse response = new MockHttpServletResponse();
                bulkhead.doFilter(request("POST", "/api/incidents"), response, slowWrite);
                return response;
            }));
        }
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        long started = System.nanoTime();
        bulkhead.doFilter(request("POST", "/api/incidents"), refused, slowWrite);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused after the short wait, not queued")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(refused.getContentAsByteArray());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("type").asText()).endsWith("/overloaded");
        assertThat(problem.get("detail").asText()).contains("nothing was changed");
        assertThat(reached).as("the refused write never reached the controller").hasValue(2);

        // reads and other paths are never limited, even now
        MockHttpServletResponse read = new MockHttpServletResponse();
        bulkhead.doFilter(request("GET", "/api/incidents"), read, (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(200));
        assertThat(read.getStatus()).isEqualTo(200);
        MockHttpServletResponse other = new MockHttpServletResponse();
        bulkhead.doFilter(request("POST", "/api/incidents/7/acknowledge"), other,
                (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(200));
        assertThat(other.getStatus()).isEqualTo(200);

        release.countDown();
        for (Future<MockHttpServletResponse> f : running) {
            assertThat(f.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        }
        assertThat(meters.get("sladesk.writes.shed").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("sladesk.writes.admitted").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("sladesk.writes.in.flight").gauge().value()).isZero();

        // the permits came back
        MockHttpServletResponse after = new MockHttpServletResponse();
        bulkhead.doFilter(request("POST", "/api/incidents"), after, (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201));
        assertThat(after.getStatus()).isEqualTo(201);
    }

    @Test
    void aWriteThatFailsGivesItsPermitBack() throws Exception {
        WriteBulkhead bulkhead = bulkhead(1);
        for (int i = 0; i < 3; i++) {
            try {
                bulkhead.doFilter(request("POST", "/api/incidents"), new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("boom");
                });
            }
            catch (IllegalStateException expected) {
                // the failure goes on to the error handling
            }
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        bulkhead.doFilter(request("POST", "/api/incidents"), response, (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201));
        assertThat(response.getStatus()).isEqualTo(201);
    }

    @Test
    void whileTheNodeIsBusyWithReadsAWriteIsRefusedAtOnceAndComesBackWhenTheyAreServed() throws Exception {
        Bulkhead requests = busy(4);
        WriteBulkhead bulkhead = new WriteBulkhead(new WriteBulkhead.Settings(true, 8, Duration.ofSeconds(5),
                Duration.ofSeconds(1), List.of("/api/incidents"), 2), requests, meters, json);
        AtomicInteger reached = new AtomicInteger();
        FilterChain write = (req, res) -> {
            reached.incrementAndGet();
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
        };
        // four in flight (this write among them): three besides it, more than two
        long before = System.nanoTime();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        bulkhead.doFilter(request("POST", "/api/incidents"), refused, write);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(json.readTree(refused.getContentAsByteArray()).path("type").asText()).endsWith("/overloaded");
        // refused without waiting for a write permit, though one was free and the wait is 5 s
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        assertThat(reached).hasValue(0);
        assertThat(meters.counter("sladesk.writes.shed").count()).isEqualTo(1.0);
        // a read is served: three in flight, two besides this write
        requests.leave();
        MockHttpServletResponse served = new MockHttpServletResponse();
        bulkhead.doFilter(request("POST", "/api/incidents"), served, write);
        assertThat(served.getStatus()).isEqualTo(201);
        assertThat(reached).hasValue(1);
    }

    @Test
    void switchedOffItLimitsNothing() throws Exception {
        WriteBulkhead bulkhead = new WriteBulkhead(new WriteBulkhead.Settings(false, 1, Duration.ZERO, Duration.ofSeconds(1),
                List.of("/api/incidents"), 0), busy(5), meters, json);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> {
            bulkhead.doFilter(request("POST", "/api/incidents"), new MockHttpServletResponse(), (req, res) -> {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        MockHttpServletResponse second = new MockHttpServletResponse();
        bulkhead.doFilter(request("POST", "/api/incidents"), second, (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201));
        assertThat(second.getStatus()).isEqualTo(201);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }
}
