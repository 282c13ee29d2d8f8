package com.sladesk.system;

import java.sql.SQLException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.hibernate.StaleStateException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Tells a failure that a second try would likely not meet from a bug: an optimistic-locking
 * conflict (ours or the process engine's), a deadlock, a lock timeout, or the process engine's own
 * foreign key refusing a delete because a job of the same process instance added a row meanwhile
 * (an acknowledgement ending a scope while the job that starts its escalation chain runs). These happen when a user
 * command races a timer or another command on the same record; {@link CommandRetry} runs the
 * command again, and only when its tries are spent is the answer {@code 503} with
 * {@code Retry-After}.
 */
public final class TransientConflict {

    /** Seconds a client should wait before sending the command again. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private TransientConflict() {
    }

    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ConcurrencyFailureException
                    || t instanceof OptimisticLockingException
                    || t instanceof OptimisticLockException
                    || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException
                    || t instanceof StaleStateException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        // 40001: serialization failure (H2 reports its deadlocks so); 40P01: PostgreSQL deadlock;
        // 55P03: PostgreSQL lock not available; HYT00 (H2 50200): lock timeout
        return "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state)
                || "HYT00".equals(state) || sql.getErrorCode() == 50200 || engineForeignKey(sql);
    }

    /** 23503 on one of the engine's own constraints ({@code ACT_FK_…}); ours stay errors. */
    private static boolean engineForeignKey(SQLException sql) {
        String message = sql.getMessage();
        return "23503".equals(sql.getSQLState()) && message != null
                && message.toLowerCase(java.util.Locale.ROOT).contains("act_fk_");
    }
}
