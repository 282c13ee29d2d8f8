package com.sladesk.credit;

public enum CreditStatus {
    SUBMITTED, APPLIED, REJECTED
}
