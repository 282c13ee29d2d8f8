package com.sladesk.observability;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import com.sladesk.notification.Notifications;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A correlation id per request: taken from {@code X-Request-Id} when it looks sane, made
 * otherwise; returned in the response header, put in every log line (MDC) and stored with every
 * notification the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /**
     * A random id in UUID form, from a per-thread generator: it names a request in logs and needs
     * no secrecy. {@code UUID.randomUUID()} draws on the JVM's shared SecureRandom, whose lock every
     * request then queued on (73 of 200 request threads blocked there when a cold node met 300
     * requests a second; issue #21).
     */
    static String newId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
        MDC.put(Notifications.CORRELATION_ID, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(Notifications.CORRELATION_ID);
        }
    }
}
