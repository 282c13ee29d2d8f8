package com.sladesk.availability;

import java.time.Instant;
import java.util.List;

/** Where budget exemptions come from (implemented by the SLA exceptions module): those overlapping [from, to). */
public interface BudgetExemptions {

    List<BudgetExemption> overlapping(Instant from, Instant to);
}
