package com.sladesk.credit;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import com.sladesk.system.RuleViolationException;

/**
 * SLA "Credit Request Process", step 1: "Customer submits support ticket within 30 days" of the
 * end of the month claimed. A claim for October is accepted through 30 November, 23:59:59 UTC; a
 * month that is not over yet cannot be claimed.
 */
final class ClaimWindow {

    static final Duration CLAIM_PERIOD = Duration.ofDays(30);

    private ClaimWindow() {
    }

    static Instant monthEnd(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The last instant a claim for {@code month} is accepted (exclusive bound). */
    static Instant closesAt(YearMonth month) {
        return monthEnd(month).plus(CLAIM_PERIOD);
    }

    static void check(YearMonth month, Instant now) {
        if (now.isBefore(monthEnd(month))) {
            throw new RuleViolationException("month", "month-not-over",
                    month + " is not over yet; a credit can be claimed once the month has ended");
        }
        if (!now.isBefore(closesAt(month))) {
            throw new RuleViolationException("month", "claim-window",
                    "claims for " + month + " closed at " + closesAt(month).minusSeconds(1)
                            + "; the SLA accepts claims within " + CLAIM_PERIOD.toDays() + " days after the month ends");
        }
    }
}
