package com.sladesk.system;

/**
 * A section another module adds to the SRE's incident page without the incident module knowing
 * it (the on-call module's "who was paged"): the fragment {@code section(data)} of a Thymeleaf
 * template, and its data for one incident.
 */
public interface IncidentSection {

    /** The template that holds the fragment {@code section(data)}, as {@code oncall/pages}. */
    String template();

    Object data(long incidentId);
}
