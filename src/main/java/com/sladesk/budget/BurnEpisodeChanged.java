package com.sladesk.budget;

import com.sladesk.audit.Audited;

/** A burn-rate freeze or page began or cleared itself. */
public record BurnEpisodeChanged(long episodeId, String action, String detail) implements Audited {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Audited.Entry auditEntry() {
        return new Audited.Entry(action, "error-budget", episodeId, detail);
    }
}
