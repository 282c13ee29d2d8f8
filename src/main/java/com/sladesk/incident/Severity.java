package com.sladesk.incident;

/** The SLA's severity levels, P1 (critical) to P4 (low). */
public enum Severity {
    P1, P2, P3, P4;

    /** Only P3 and P4 may wait for the customer with the resolution clock stopped. */
    public boolean mayPause() {
        return this == P3 || this == P4;
    }
}
