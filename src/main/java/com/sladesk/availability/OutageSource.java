package com.sladesk.availability;

import java.time.Instant;
import java.util.List;

/** Where outages come from (implemented by the incident module): outage-impact incidents overlapping [from, to). */
public interface OutageSource {

    List<OutageRecord> outagesOverlapping(Instant from, Instant to);
}
