package com.sladesk.slaexception;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import com.sladesk.availability.BudgetExemption;
import com.sladesk.availability.BudgetExemptions;
import org.springframework.stereotype.Component;

/**
 * Approved exceptions as the availability engine's budget exemptions: the named incidents' whole
 * downtime, and the downtime inside the window (which lies within the exception's period) on the
 * scope's components.
 */
@Component
class ExceptionExemptions implements BudgetExemptions {

    private static final Instant ALWAYS = Instant.parse("9999-01-01T00:00:00Z");

    private final SlaExceptionService exceptions;

    ExceptionExemptions(SlaExceptionService exceptions) {
        this.exceptions = exceptions;
    }

    @Override
    public List<BudgetExemption> overlapping(Instant from, Instant to) {
        List<BudgetExemption> result = new ArrayList<>();
        for (SlaException e : exceptions.exempting(from, to)) {
            ExceptionRequest.Scope scope = e.scope();
            if (!scope.incidentIds().isEmpty()) {
                // a named incident's whole downtime: leadership judged that incident
                result.add(new BudgetExemption(e.getId(), new HashSet<>(scope.incidentIds()), false,
                        new HashSet<>(scope.components()), Instant.EPOCH, ALWAYS));
            }
            if (scope.windowStart() != null) {
                result.add(new BudgetExemption(e.getId(), java.util.Set.of(), true, new HashSet<>(scope.components()),
                        scope.windowStart(), scope.windowEnd()));
            }
        }
        return result;
    }
}
