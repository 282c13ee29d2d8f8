package com.sladesk.availability;

/**
 * What caused an outage, as far as downtime is concerned (SLA "Exclusions from Downtime
 * Calculation"): only an internal cause, or one not yet known, counts; third-party, customer and
 * force-majeure outages are excluded. Lower case in text: internal, third_party, customer,
 * force_majeure.
 */
public enum OutageCause {
    INTERNAL(false), THIRD_PARTY(true), CUSTOMER(true), FORCE_MAJEURE(true);

    private final boolean excluded;

    OutageCause(boolean excluded) {
        this.excluded = excluded;
    }

    public boolean excluded() {
        return excluded;
    }

    public String value() {
        return name().toLowerCase();
    }

    @Override
    public String toString() {
        return value();
    }
}
