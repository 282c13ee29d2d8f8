package com.sladesk.system;

/**
 * A section another module adds to the SRE's incident page without the incident module knowing
 * it (the on-call module's "who was paged"): a Thymeleaf fragment, {@code template :: section(data)},
 * and its data for one incident.
 */
public interface IncidentSection {

    /** The fragment, as {@code oncall/pages :: section}. */
    String fragment();

    Object data(long incidentId);
}
