/**
 * The error-budget policy in action ("Error Budget Policy", sections 2–4): burn-rate episodes
 * (5x freezes feature changes, 10x pages the SRE lead and leadership), the daily reliability
 * stand-up while the tier is FREEZE or EXHAUSTED, and the recovery checklist once the tier falls.
 */
@ApplicationModule(displayName = "Error-budget policy")
package com.sladesk.budget;

import org.springframework.modulith.ApplicationModule;
