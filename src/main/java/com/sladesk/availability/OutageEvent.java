package com.sladesk.availability;

/**
 * An event after which downtime may be different: an incident opened, re-rated, resolved…, a
 * maintenance window scheduled, moved, cancelled, started or completed. The publishing modules'
 * events implement it; the engine (and any other view built from outages) listens to it and
 * forgets what it computed, so nobody has to call it.
 */
public interface OutageEvent {
}
