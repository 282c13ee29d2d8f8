package com.sladesk.reporting.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.AvailabilityStatus;
import com.sladesk.availability.BudgetPolicy;
import com.sladesk.availability.BurnRate;
import com.sladesk.availability.Exclusion;
import com.sladesk.credit.CreditTiers;
import com.sladesk.system.RuleViolationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/availability?month=YYYY-MM}: the month against the 99.9% target, with its credit tier. */
@RestController
class AvailabilityApiController {

    private final AvailabilityService availability;
    private final CreditTiers tiers;
    private final Clock clock;

    AvailabilityApiController(AvailabilityService availability, CreditTiers tiers, Clock clock) {
        this.availability = availability;
        this.tiers = tiers;
        this.clock = clock;
    }

    record MonthlyAvailability(String month, BigDecimal targetPercent, BigDecimal totalMinutes,
            BigDecimal downtimeMinutes, BigDecimal excludedMinutes, BigDecimal availabilityPercent,
            BigDecimal errorBudgetMinutes, BigDecimal errorBudgetRemainingMinutes,
            BigDecimal errorBudgetRemainingPercent, AvailabilityStatus status, BudgetPolicy policy,
            String policyExplanation, int creditPercent, List<BurnRate> burnRates, List<Exclusion> exclusions,
            Instant asOf, Rolling rolling30Days) {
    }

    record Rolling(Instant from, Instant to, BigDecimal availabilityPercent, BigDecimal downtimeMinutes,
            BigDecimal errorBudgetRemainingPercent, AvailabilityStatus status) {
    }

    @GetMapping("/api/availability")
    MonthlyAvailability month(@RequestParam(required = false) YearMonth month) {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        YearMonth wanted = month == null ? current : month;
        if (wanted.isAfter(current)) {
            throw new RuleViolationException("month", "future", wanted + " has not started yet");
        }
        AvailabilityService.MonthAndRolling both = availability.monthAndRollingToShow(wanted);
        AvailabilityReport r = both.month();
        AvailabilityReport rolling = both.rolling30Days();
        return new MonthlyAvailability(wanted.toString(), r.targetPercent(), r.totalMinutes(), r.downtimeMinutes(),
                r.excludedMinutes(), r.availabilityPercent(), r.errorBudgetMinutes(), r.errorBudgetRemainingMinutes(),
                r.errorBudgetRemainingPercent(), r.status(), r.policy(), r.policy().explanation(),
                tiers.percentFor(r.exactAvailabilityPercent()), r.burnRates(), r.exclusions(), r.asOf(),
                new Rolling(rolling.from(), rolling.to(), rolling.availabilityPercent(), rolling.downtimeMinutes(),
                        rolling.errorBudgetRemainingPercent(), rolling.status()));
    }
}
