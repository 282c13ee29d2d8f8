package com.sladesk.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The escalation policy of one severity: levels paged in order, each {@code delayMinutes} after
 * the chain starts; after the last level and {@code repeatAfterMinutes} more, the chain starts
 * again, {@code repeats} times. {@code routingKey}: PagerDuty Events v2 (null: not sent).
 */
public record EscalationPolicy(String severity, int repeats, int repeatAfterMinutes, String routingKey,
        List<Level> levels) {

    /** A level names a schedule (its code), a user (a username) or a role (SRE, LEADERSHIP, CTO, ADMIN, SRE_LEAD). */
    public record Level(int delayMinutes, String targetType, String target) {
    }

    /** One page of the chain: pass 1 is the first run, level 1 the first level. */
    public record Step(int pass, int level, Instant at) {
    }

    /** Every page of the chain started at {@code start}, in time order. */
    public List<Step> steps(Instant start) {
        List<Step> steps = new ArrayList<>();
        if (levels.isEmpty()) {
            return steps;
        }
        long cycle = levels.get(levels.size() - 1).delayMinutes() + (long) repeatAfterMinutes;
        for (int pass = 0; pass <= repeats; pass++) {
            for (int l = 0; l < levels.size(); l++) {
                steps.add(new Step(pass + 1, l + 1, start.plusSeconds(60 * (pass * cycle + levels.get(l).delayMinutes()))));
            }
        }
        return steps;
    }
}
