package com.sladesk.incident;

/** Something that happened to an incident, published by {@link IncidentService} in the transaction of the change. */
public interface IncidentEvent {

    long incidentId();
}
