package com.sladesk.organisation;

import com.sladesk.audit.Audited;

/**
 * A person's account changed: invited, role or organisation changed, deactivated, invitation
 * resent, password set or reset, first single sign-on; {@code detail} holds before and after.
 */
public record UserChanged(String actor, String action, long userId, String detail) implements Audited {

    @Override
    public Entry auditEntry() {
        return new Entry(action, "user", userId, detail);
    }
}
