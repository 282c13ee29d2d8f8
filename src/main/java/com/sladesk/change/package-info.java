/**
 * Error Budget Policy enforcement: every change request is decided by the decision table
 * {@code change-policy} from the current budget tier; emergencies in a freeze and P0/P1 fixes in an
 * exhausted budget wait for the CTO in the {@code change-approval} process.
 */
@ApplicationModule(displayName = "Change approval")
package com.sladesk.change;

import org.springframework.modulith.ApplicationModule;
