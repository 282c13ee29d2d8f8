package com.sladesk.availability;

import com.sladesk.audit.Audited;

/** A new SLA policy version was approved: figures from its effective date are computed with it. */
public record SlaPolicyVersionCreated(SlaPolicyVersion version, String actor) implements Audited, OutageEvent {

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry("create-policy-version", "sla-policy", version.version(),
                "effective " + version.effectiveFrom() + ": target " + version.targetPercent() + "%, tiers "
                        + version.reducedAtPercent() + "/" + version.freezeBelowPercent() + "%, response targets "
                        + version.responseTargets() + "; approved by " + version.sreLead() + " (SRE lead) and "
                        + version.vpEngineering() + " (VP Engineering)");
    }
}
