package com.sladesk.system.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The bound on requests at once: beyond it a request is refused with 503 before any work; health and readiness never are. */
class RequestBulkheadTests {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }

    @Test
    void beyondTheBoundARequestIsRefusedButHealthIsAlwaysAnswered() throws Exception {
        RequestBulkhead bulkhead = new RequestBulkhead(new RequestBulkhead.Settings(true, 1, Duration.ofMillis(50),
                List.of("/health", "/ready")), new Bulkhead("requests", 1, Duration.ofSeconds(1),
                new SimpleMeterRegistry(), new ObjectMapper()));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slow = (req, res) -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ((HttpServletResponse) res).setStatus(200);
        };
        Future<MockHttpServletResponse> first = threads.submit(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            bulkhead.doFilter(request("/status.json"), response, slow);
            return response;
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        boolean[] reached = { false };
        bulkhead.doFilter(request("/api/incidents"), refused, (req, res) -> reached[0] = true);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("overloaded");
        assertThat(reached[0]).isFalse();

        for (String path : List.of("/health", "/ready")) {
            MockHttpServletResponse health = new MockHttpServletResponse();
            bulkhead.doFilter(request(path), health, (req, res) -> ((HttpServletResponse) res).setStatus(200));
            assertThat(health.getStatus()).as(path).isEqualTo(200);
        }
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        MockHttpServletResponse after = new MockHttpServletResponse();
        bulkhead.doFilter(request("/api/incidents"), after, (req, res) -> ((HttpServletResponse) res).setStatus(200));
        assertThat(after.getStatus()).isEqualTo(200);
    }
}
