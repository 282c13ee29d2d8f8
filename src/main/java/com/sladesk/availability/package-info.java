/**
 * The availability engine: turns outage incidents and maintenance windows into monthly and
 * rolling availability, error budget, burn rates and the error-budget policy tier, following the
 * SLA's "Availability Commitment", "Error Budget Policy" and "Exclusions". Pure rules and
 * queries: no web or process code.
 */
@ApplicationModule(displayName = "Availability engine")
package com.sladesk.availability;

import org.springframework.modulith.ApplicationModule;
