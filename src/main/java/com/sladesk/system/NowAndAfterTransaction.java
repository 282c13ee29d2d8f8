package com.sladesk.system;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Forgetting what a cache remembered when the data under it changes: once now, and once more when
 * the current transaction ends, so that an answer read by someone else between the change and its
 * commit (still the old data) is not kept either.
 */
public final class NowAndAfterTransaction {

    private NowAndAfterTransaction() {
    }

    public static void run(Runnable action) {
        action.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    action.run();
                }
            });
        }
    }
}
