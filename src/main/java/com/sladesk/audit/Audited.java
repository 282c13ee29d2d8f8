package com.sladesk.audit;

/**
 * A decision a person took, announced as an event: the audit log records every published
 * {@code Audited} event in the publisher's transaction, so a decision that rolls back leaves no
 * entry and a committed one always has its entry.
 */
public interface Audited {

    /** Who decided (a user name, or "system"). */
    String actor();

    /** What was done, a lower-case verb such as {@code acknowledge} or {@code approve}. */
    String auditAction();

    /** What it was done to, such as {@code incident} or {@code credit-request}. */
    String auditSubjectType();

    long auditSubjectId();

    /** Details a reader of the log needs (null: none). */
    String auditDetail();
}
