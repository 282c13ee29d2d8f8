package com.sladesk.change;

public enum ChangeDecision {
    APPROVED, NEEDS_TESTING, DEFERRED, BLOCKED, PENDING_CTO_APPROVAL, REJECTED
}
