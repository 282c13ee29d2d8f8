package com.sladesk.organisation;

import java.math.BigDecimal;
import java.util.List;

/** What an administrator types for an organisation; {@code components} null means none. */
public record OrganisationDraft(String name, BigDecimal monthlyFee, String currency, String noticeEmail,
        String billingEmail, List<String> components) {
}
