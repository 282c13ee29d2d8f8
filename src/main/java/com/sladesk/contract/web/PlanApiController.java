package com.sladesk.contract.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import com.sladesk.contract.PlanDraft;
import com.sladesk.contract.PlanView;
import com.sladesk.contract.SlaPlans;
import com.sladesk.contract.Tier;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SLA plans: ADMIN manages them and who is on which ({@code /api/admin/plans}); staff read them ({@code /api/plans}). */
@RestController
class PlanApiController {

    private final SlaPlans plans;

    PlanApiController(SlaPlans plans) {
        this.plans = plans;
    }

    record TierBody(@NotNull BigDecimal belowPercent, @NotNull Integer creditPercent) {
    }

    /** {@code effectiveFrom}: the month (YYYY-MM) the terms start; for a new plan, unset means "always". */
    record PlanBody(@Size(max = 40) String code, @Size(max = 200) String name, BigDecimal targetPercent,
            @Size(max = 20) List<@Valid @NotNull TierBody> tiers, Integer claimWindowDays, Boolean automaticCredits,
            YearMonth effectiveFrom) {

        PlanDraft draft() {
            return new PlanDraft(code, name, targetPercent, tiers == null ? null
                    : tiers.stream().map(t -> new Tier(t.belowPercent(), t.creditPercent())).toList(),
                    claimWindowDays, automaticCredits, effectiveFrom);
        }
    }

    record AssignmentBody(@NotNull Long organisationId, @Size(max = 40) String planCode, YearMonth effectiveFrom) {
    }

    @GetMapping("/api/plans")
    List<PlanView> list() {
        return plans.plans();
    }

    @GetMapping("/api/admin/plans")
    List<PlanView> adminList() {
        return plans.plans();
    }

    @PostMapping("/api/admin/plans")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    ResponseEntity<PlanView> create(@RequestBody @Valid PlanBody body, Authentication user) {
        PlanView created = plans.create(body.draft(), user.getName());
        return ResponseEntity.created(URI.create("/api/admin/plans/" + created.code())).body(created);
    }

    @GetMapping("/api/admin/plans/{code}")
    PlanView plan(@PathVariable String code) {
        return plans.plan(code);
    }

    /** New terms for the plan from a coming month. */
    @PostMapping("/api/admin/plans/{code}/versions")
    PlanView newVersion(@PathVariable String code, @RequestBody @Valid PlanBody body, Authentication user) {
        return plans.newVersion(code, body.draft(), user.getName());
    }

    @GetMapping("/api/admin/plans/assignments")
    List<SlaPlans.Assignment> assignments(@RequestParam long organisation) {
        return plans.assignments(organisation);
    }

    /** Puts an organisation on a plan from a coming month; answers its plan history. */
    @PostMapping("/api/admin/plans/assignments")
    List<SlaPlans.Assignment> assign(@RequestBody @Valid AssignmentBody body, Authentication user) {
        return plans.assign(body.organisationId(), body.planCode(), body.effectiveFrom(), user.getName());
    }
}
