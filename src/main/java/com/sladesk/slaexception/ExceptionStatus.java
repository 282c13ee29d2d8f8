package com.sladesk.slaexception;

public enum ExceptionStatus {
    IN_REVIEW, CHANGES_REQUESTED, AWAITING_APPROVAL, APPROVED, REJECTED, ACTIVE, EXPIRED
}
