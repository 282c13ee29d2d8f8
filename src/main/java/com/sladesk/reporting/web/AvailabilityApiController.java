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
import com.sladesk.contract.CustomerSla;
import com.sladesk.contract.PlanTerms;
import com.sladesk.credit.CreditTiers;
import com.sladesk.security.SignedInUser;
import com.sladesk.system.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import com.sladesk.system.RuleViolationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/availability?month=YYYY-MM[&organisation=id]}: the platform's month against the
 * SLA's target with its credit tier, or one organisation's month over the components its contract
 * covers, against its plan. A customer always gets its own organisation (another is 404).
 */
@RestController
class AvailabilityApiController {

    private final AvailabilityService availability;
    private final CreditTiers tiers;
    private final CustomerSla customers;
    private final Clock clock;

    AvailabilityApiController(AvailabilityService availability, CreditTiers tiers, CustomerSla customers, Clock clock) {
        this.availability = availability;
        this.tiers = tiers;
        this.customers = customers;
        this.clock = clock;
    }

    /** The organisation whose month this is, its plan (code, version) and the components counted; null for the platform. */
    record Organisation(long id, String name) {
    }

    record Plan(String code, String name, int version, boolean automaticCredits, int claimWindowDays) {
    }

    record MonthlyAvailability(String month, BigDecimal targetPercent, BigDecimal totalMinutes,
            BigDecimal downtimeMinutes, BigDecimal excludedMinutes, BigDecimal availabilityPercent,
            BigDecimal errorBudgetMinutes, BigDecimal errorBudgetRemainingMinutes,
            BigDecimal errorBudgetRemainingPercent, AvailabilityStatus status, BudgetPolicy policy,
            String policyExplanation, int creditPercent, List<BurnRate> burnRates, List<Exclusion> exclusions,
            Instant asOf, Rolling rolling30Days, Organisation organisation, Plan plan, List<String> components) {
    }

    record Rolling(Instant from, Instant to, BigDecimal availabilityPercent, BigDecimal downtimeMinutes,
            BigDecimal errorBudgetRemainingPercent, AvailabilityStatus status) {
    }

    @GetMapping("/api/availability")
    MonthlyAvailability month(@RequestParam(required = false) YearMonth month,
            @RequestParam(required = false) Long organisation, @AuthenticationPrincipal SignedInUser user) {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        YearMonth wanted = month == null ? current : month;
        if (wanted.isAfter(current)) {
            throw new RuleViolationException("month", "future", wanted + " has not started yet");
        }
        Long organisationId = organisation;
        if (user != null && user.isCustomer()) {
            if (organisation != null && !organisation.equals(user.organisationId())) {
                throw new NotFoundException("Organisation", organisation);
            }
            organisationId = user.organisationId();
        }
        if (organisationId == null) {
            AvailabilityService.MonthAndRolling both = availability.monthAndRollingToShow(wanted);
            return answer(wanted, both, tiers.percentFor(both.month().exactAvailabilityPercent()), null, null, null);
        }
        CustomerSla.CustomerMonth figures = customers.monthToShow(organisationId, wanted);
        PlanTerms p = figures.plan();
        return answer(wanted, figures.report(), figures.creditPercent(),
                new Organisation(figures.organisation().id(), figures.organisation().name()),
                new Plan(p.code(), p.name(), p.version(), p.automaticCredits(), p.claimWindowDays()), figures.components());
    }

    private static MonthlyAvailability answer(YearMonth wanted, AvailabilityService.MonthAndRolling both, int creditPercent,
            Organisation organisation, Plan plan, List<String> components) {
        AvailabilityReport r = both.month();
        AvailabilityReport rolling = both.rolling30Days();
        return new MonthlyAvailability(wanted.toString(), r.targetPercent(), r.totalMinutes(), r.downtimeMinutes(),
                r.excludedMinutes(), r.availabilityPercent(), r.errorBudgetMinutes(), r.errorBudgetRemainingMinutes(),
                r.errorBudgetRemainingPercent(), r.status(), r.policy(), r.policy().explanation(),
                creditPercent, r.burnRates(), r.exclusions(), r.asOf(),
                new Rolling(rolling.from(), rolling.to(), rolling.availabilityPercent(), rolling.downtimeMinutes(),
                        rolling.errorBudgetRemainingPercent(), rolling.status()), organisation, plan, components);
    }
}
