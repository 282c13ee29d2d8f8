package com.sladesk.availability;

import java.time.Instant;
import java.util.List;

/**
 * Where excluded windows come from (implemented by the maintenance module): scheduled (standard)
 * maintenance announced at least 7 days ahead and not cancelled, overlapping [from, to). Emergency
 * maintenance is downtime.
 */
public interface ExclusionWindows {

    List<ExclusionWindow> overlapping(Instant from, Instant to);
}
