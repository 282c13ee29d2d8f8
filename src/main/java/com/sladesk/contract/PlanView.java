package com.sladesk.contract;

import java.util.List;

/** A plan with every version and its tiers, as pages and the API list them. */
public record PlanView(String code, String name, List<VersionView> versions) {

    public record VersionView(int version, String effectiveFrom, java.math.BigDecimal targetPercent, List<Tier> tiers,
            int claimWindowDays, boolean automaticCredits, String decisionKey, Integer decisionVersion) {
    }
}
