/**
 * SLA credits ("Compensation & Credits"): a customer claims a month, the availability engine and
 * the {@code credit-tier} decision table compute the credit, an SRE verifies it in the
 * {@code credit-request} process, and an approved credit goes on the organisation's next invoice.
 */
@ApplicationModule(displayName = "SLA credits")
package com.sladesk.credit;

import org.springframework.modulith.ApplicationModule;
