package com.sladesk.availability;

import java.time.Instant;
import java.util.List;

/**
 * Where excluded windows come from (implemented by the maintenance module): standard maintenance
 * announced at least 7 days ahead and approved emergency windows, overlapping [from, to).
 */
public interface ExclusionWindows {

    List<ExclusionWindow> overlapping(Instant from, Instant to);
}
