package com.sladesk.organisation;

import java.math.BigDecimal;
import java.util.List;

/** A customer organisation as other modules see it. */
public record OrganisationInfo(long id, String name, BigDecimal monthlyFee, String currency,
        List<String> contactEmails) {
}
