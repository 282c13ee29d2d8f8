package com.sladesk.organisation;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer organisation as other modules see it: {@code contactEmails} receive its notices,
 * {@code components} are the codes its contract covers, an inactive one signs nobody in.
 */
public record OrganisationInfo(long id, String name, BigDecimal monthlyFee, String currency,
        List<String> contactEmails, String billingEmail, List<String> components, boolean active) {

    /** The first notice contact, as the API shows it. */
    @JsonProperty("noticeEmail")
    public String noticeEmail() {
        return contactEmails.isEmpty() ? null : contactEmails.get(0);
    }
}
