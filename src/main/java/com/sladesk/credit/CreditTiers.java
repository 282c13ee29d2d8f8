package com.sladesk.credit;

import java.math.BigDecimal;
import java.util.List;

import com.sladesk.contract.CreditTierTables;
import com.sladesk.contract.Tier;
import org.springframework.stereotype.Component;

/**
 * The SLA's own credit tiers (the standard plan's): the decision table
 * {@code bpmn/credit/credit-tier.dmn}, the one place they live. A plan's tiers are its own table
 * ({@link com.sladesk.contract.SlaPlans#creditPercent}); the amount is the monthly fee × the
 * percentage, rounded half-up to cents.
 */
@Component
public class CreditTiers {

    public static final String DECISION_KEY = CreditTierTables.STANDARD_KEY;

    private final CreditTierTables tables;

    CreditTiers(CreditTierTables tables) {
        this.tables = tables;
    }

    /** The credit percentage (0, 25, 50 or 100) the SLA's tiers give a month's exact availability. */
    public int percentFor(BigDecimal availabilityPercent) {
        return tables.percentFor(DECISION_KEY, null, availabilityPercent);
    }

    /** The SLA's tiers that earn a credit, highest bound first. */
    public List<Tier> tiers() {
        return tables.tiers(DECISION_KEY, null);
    }

    public static BigDecimal amount(BigDecimal monthlyFee, int percent) {
        return CreditTierTables.amount(monthlyFee, percent);
    }
}
