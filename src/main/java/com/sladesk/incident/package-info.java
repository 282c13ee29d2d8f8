/**
 * Incidents and the SLA's "Support Response Times": response and resolution targets per
 * severity, warnings at 75% and breaches at 100% run by the {@code incident-response} process,
 * escalations by mail, and the Alertmanager intake.
 */
@ApplicationModule(displayName = "Incident response")
package com.sladesk.incident;

import org.springframework.modulith.ApplicationModule;
