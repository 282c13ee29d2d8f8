package com.sladesk.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.system.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * A bound on work done at once, shared by {@link RequestBulkhead} and {@link WriteBulkhead}: at
 * most {@code max} permits out, a caller waits at most a given time for one, and a caller refused
 * is answered 503 with {@code Retry-After} and a problem of type {@code overloaded}. It counts the
 * refusals ({@code sladesk.<name>.shed}) and shows the permits out ({@code sladesk.<name>.in.flight}).
 */
final class Bulkhead {

    private final int max;
    private final Semaphore permits;
    private final Counter shed;
    private final long retryAfterSeconds;
    private final byte[] refusal;

    /**
     * @param what what is bounded ({@code requests}, {@code writes}): the metrics' middle name, and
     *        the word in their descriptions and in the refusal
     */
    Bulkhead(String what, int max, Duration retryAfter, MeterRegistry meters, ObjectMapper json)
            throws IOException {
        if (max < 1) {
            throw new IllegalArgumentException("a bound on " + what + " at once must be at least 1");
        }
        this.max = max;
        this.permits = new Semaphore(max);
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        this.shed = Counter.builder("sladesk." + what + ".shed")
                .description(capitalised(what) + " refused with 503 (load shedding)").register(meters);
        Gauge.builder("sladesk." + what + ".in.flight", permits, p -> max - p.availablePermits())
                .description(capitalised(what) + " being worked on now").register(meters);
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                "Too many " + what + " at once; nothing was changed. Retry after " + retryAfterSeconds + " s.");
        problem.setTitle("Service overloaded");
        this.refusal = json.writeValueAsBytes(problem);
    }

    /** Takes a permit, waiting at most {@code wait} (none when zero); false when none came. */
    boolean enter(Duration wait) {
        try {
            return wait.isZero() ? permits.tryAcquire() : permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a permit taken by {@link #enter(Duration)}. */
    void leave() {
        permits.release();
    }

    /** Permits out now. */
    int inFlight() {
        return max - permits.availablePermits();
    }

    /** Answers a refused caller: 503, {@code Retry-After}, the problem; counted as shed. */
    void refuse(HttpServletResponse response) throws IOException {
        shed.increment();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(refusal.length);
        response.getOutputStream().write(refusal);
    }

    private static String capitalised(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
