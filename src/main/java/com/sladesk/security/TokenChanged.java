package com.sladesk.security;

import com.sladesk.audit.Audited;

/** A token was created or revoked; the audit log keeps who, which and with what scopes. */
public record TokenChanged(String actor, String action, long tokenId, String detail) implements Audited {

    @Override
    public Entry auditEntry() {
        return new Entry(action, "api-token", tokenId, detail);
    }
}
