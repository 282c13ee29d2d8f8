package com.sladesk.credit;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import com.sladesk.system.RuleViolationException;

/**
 * SLA "Credit Request Process", step 1: "Customer submits support ticket within 30 days" of the
 * end of the month claimed (the standard plan's window; a plan may give more). With 30 days, a
 * claim for October is accepted through 30 November, 23:59:59 UTC; a month that is not over yet
 * cannot be claimed.
 */
final class ClaimWindow {

    private ClaimWindow() {
    }

    static Instant monthEnd(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The last instant a claim for {@code month} is accepted (exclusive bound). */
    static Instant closesAt(YearMonth month, int days) {
        return monthEnd(month).plus(Duration.ofDays(days));
    }

    static void check(YearMonth month, Instant now, int days) {
        if (now.isBefore(monthEnd(month))) {
            throw new RuleViolationException("month", "month-not-over",
                    month + " is not over yet; a credit can be claimed once the month has ended");
        }
        if (!now.isBefore(closesAt(month, days))) {
            throw new RuleViolationException("month", "claim-window",
                    "claims for " + month + " closed at " + closesAt(month, days).minusSeconds(1)
                            + "; your SLA accepts claims within " + days + " days after the month ends");
        }
    }
}
