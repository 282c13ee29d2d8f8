package com.sladesk.system;

import java.util.Optional;

import org.springframework.http.ProblemDetail;

/**
 * A failure the client should simply retry, answered 503 with {@code Retry-After}: the database out
 * of reach ({@link DatabaseUnavailable}), or a command that met a concurrent change on every try
 * ({@link TransientConflict}). Nothing was written in either case.
 */
public record RetryLater(ProblemDetail problem, int seconds, String reason) {

    public static Optional<RetryLater> of(Throwable failure) {
        if (failure == null) {
            return Optional.empty();
        }
        if (TransientConflict.isCause(failure)) {
            return Optional.of(new RetryLater(Problems.busy(), TransientConflict.RETRY_AFTER_SECONDS,
                    "command gave up after its retries"));
        }
        if (DatabaseUnavailable.isCause(failure)) {
            return Optional.of(new RetryLater(Problems.unavailable(), DatabaseUnavailable.RETRY_AFTER_SECONDS,
                    "database unavailable"));
        }
        return Optional.empty();
    }
}
