package com.sladesk.system;

/**
 * Whether an incident's escalation chain would do anything (page a level, trigger PagerDuty, or
 * record that a quiet environment pages nobody). Implemented by the on-call module; the incident
 * process asks it, through the incident module, before it starts a chain (issue #21).
 */
public interface EscalationChainPlan {

    boolean chainNeeded(long incidentId, String chain);
}
