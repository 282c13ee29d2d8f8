/**
 * Postmortems and root-cause analyses ("Error Budget Policy", 3. Enforcement, and "Error Budget
 * Recovery"): the document {@code postmortem-policy.dmn} asks of a resolved incident, drafted
 * from the incident, written by SREs, approved by an SRE lead ({@code postmortem-review}), with
 * action items that each run to done in their owner's task inbox ({@code postmortem-action-item}).
 */
@ApplicationModule(displayName = "Postmortems")
package com.sladesk.postmortem;

import org.springframework.modulith.ApplicationModule;
