package com.sladesk.contract;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import com.sladesk.organisation.Directory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's second plan, {@code premium} (99.95%, tiers below 99.95 → 10%, 99.9 → 25%, 99.0 →
 * 50%, 95.0 → 100%, 60 days, automatic), with Globex on it from before any data; Acme stays on
 * {@code standard}. Created only when missing.
 */
@Component
@Profile("demo")
@Order(1)
class DemoPlans implements ApplicationRunner {

    static final String PREMIUM = "premium";

    private final SlaPlans plans;
    private final SlaPlanRepository repository;
    private final Directory directory;

    DemoPlans(SlaPlans plans, SlaPlanRepository repository, Directory directory) {
        this.plans = plans;
        this.repository = repository;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!repository.existsById(PREMIUM)) {
            plans.create(new PlanDraft(PREMIUM, "Premium", new BigDecimal("99.95"), List.of(
                    new Tier(new BigDecimal("99.95"), 10), new Tier(new BigDecimal("99.9"), 25),
                    new Tier(new BigDecimal("99.0"), 50), new Tier(new BigDecimal("95.0"), 100)), 60, true,
                    YearMonth.of(2000, 1)), "system");
        }
        directory.findOrganisationByName("Globex").ifPresent(g -> plans.assignFromTheStart(g.id(), PREMIUM, "system"));
    }
}
