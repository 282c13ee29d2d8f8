package com.sladesk.audit;

/**
 * A decision a person took, announced as an event: the audit log records every published
 * {@code Audited} event in the publisher's transaction, so a decision that rolls back leaves no
 * entry and a committed one always has its entry.
 */
public interface Audited {

    /** Who decided (a user name, or "system"). */
    String actor();

    /** What the log records of it. */
    Entry auditEntry();

    /**
     * What was done ({@code action}, a lower-case verb such as {@code acknowledge}), to what
     * ({@code subjectType} and {@code subjectId}, such as incident 42), and the details a reader of
     * the log needs ({@code detail}, null: none).
     */
    record Entry(String action, String subjectType, long subjectId, String detail) {
    }
}
