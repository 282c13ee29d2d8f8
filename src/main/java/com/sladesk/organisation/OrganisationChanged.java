package com.sladesk.organisation;

import com.sladesk.audit.Audited;

/** An administrator created, changed or deactivated an organisation; {@code detail} holds before and after. */
public record OrganisationChanged(String actor, String action, long organisationId, String detail) implements Audited {

    @Override
    public Entry auditEntry() {
        return new Entry(action, "organisation", organisationId, detail);
    }
}
