package com.sladesk.incident;

import com.sladesk.system.EscalationChainPlan;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What {@code incident-response} asks before it starts an escalation chain
 * ({@code ${incidentPaging.chainNeeded(incidentId, 'response')}}): the on-call module's answer, or
 * yes when no on-call module runs (a module test), so the chain's asynchronous start is left to it.
 */
@Component("incidentPaging")
public class IncidentPaging {

    private final ObjectProvider<EscalationChainPlan> plans;

    IncidentPaging(ObjectProvider<EscalationChainPlan> plans) {
        this.plans = plans;
    }

    public boolean chainNeeded(long incidentId, String chain) {
        EscalationChainPlan plan = plans.getIfAvailable();
        return plan == null || plan.chainNeeded(incidentId, chain);
    }
}
