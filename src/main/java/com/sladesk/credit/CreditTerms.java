package com.sladesk.credit;

import java.math.BigDecimal;
import java.util.List;

import com.sladesk.contract.Tier;

/**
 * The SLA's credit terms as pages and mails state them, taken from the rules that decide: the
 * availability target, the business days an SRE has to verify a claim, the days a claim may be
 * made after its month, and the credit tiers of the decision table.
 */
public record CreditTerms(BigDecimal targetPercent, int decisionBusinessDays, long claimWindowDays,
        List<Tier> tiers) {
}
