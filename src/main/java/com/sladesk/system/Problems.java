package com.sladesk.system;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents as this service writes them everywhere (API, security, errors). */
public final class Problems {

    public static final String TYPE_BASE = "https://sla-desk.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        return problem;
    }

    /** The database could not be reached: nothing was written, the client should retry (503). */
    public static ProblemDetail unavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "The database is unavailable; nothing was changed. Retry in a few seconds.");
    }

    /** The record kept changing under a command, which was retried: nothing was changed (503). */
    public static ProblemDetail busy() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                "The record was being changed by other work at the same time; nothing was changed. Retry in a second.");
    }

    /** A validation failure: each error names the field, the rule it broke and a message. */
    public static ProblemDetail invalid(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(status, "validation", detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "rule", e.rule(), "message", e.message()))
                .toList());
        return problem;
    }

    public record FieldError(String field, String rule, String message) {
    }
}
