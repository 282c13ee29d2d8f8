package com.sladesk.oncall;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The escalation policy per severity (the SLA's escalation matrix as the default, V14's migration). */
@Service
@Transactional(readOnly = true)
public class EscalationPolicies {

    static final Set<String> TARGET_TYPES = Set.of("SCHEDULE", "USER", "ROLE");
    static final Set<String> ROLES = Set.of("SRE", "LEADERSHIP", "CTO", "ADMIN", "SRE_LEAD");
    static final Set<String> SEVERITIES = Set.of("P1", "P2", "P3", "P4");

    private final JdbcClient jdbc;
    private final OnCallSchedules schedules;
    private final Directory directory;
    private final Clock clock;

    EscalationPolicies(JdbcClient jdbc, OnCallSchedules schedules, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.directory = directory;
        this.clock = clock;
    }

    public List<EscalationPolicy> all() {
        return SEVERITIES.stream().sorted().map(this::get).toList();
    }

    public EscalationPolicy get(String severity) {
        known(severity);
        Map<String, Object> row = jdbc.sql("select repeats, repeat_after_minutes, routing_key from escalation_policy where severity = :s")
                .param("s", severity).query().singleRow();
        List<EscalationPolicy.Level> levels = jdbc.sql("""
                select delay_minutes, target_type, target from escalation_level where severity = :s order by position""")
                .param("s", severity)
                .query((rs, i) -> new EscalationPolicy.Level(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        return new EscalationPolicy(severity, ((Number) row.get("repeats")).intValue(),
                ((Number) row.get("repeat_after_minutes")).intValue(), (String) row.get("routing_key"), levels);
    }

    /**
     * Whether the severity's policy pages anyone (it has a level) or, when {@code orPagerDuty},
     * triggers PagerDuty (it has a routing key): what an incident's start asks, in one query
     * instead of reading the whole policy (issue #21).
     */
    public boolean pagesAnyone(String severity, boolean orPagerDuty) {
        known(severity);
        return jdbc.sql("""
                select case when exists (select 1 from escalation_level l where l.severity = p.severity)
                            or (:pd = 1 and p.routing_key is not null) then 1 else 0 end
                from escalation_policy p where p.severity = :s""")
                .param("pd", orPagerDuty ? 1 : 0).param("s", severity).query(Integer.class).single() == 1;
    }

    /** Replaces a severity's policy; every field is checked first, so a refused policy changes nothing. */
    @Transactional
    public EscalationPolicy update(String severity, EscalationPolicy policy, String actor) {
        get(severity);
        if (policy.repeats() < 0 || policy.repeats() > 9) {
            throw new InvalidInputException("repeats", "range", "repeats: 0 to 9");
        }
        if (policy.repeatAfterMinutes() < 1) {
            throw new InvalidInputException("repeatAfterMinutes", "positive", "repeatAfterMinutes: at least 1");
        }
        List<EscalationPolicy.Level> levels = policy.levels() == null ? List.of() : policy.levels();
        int previous = -1;
        for (int i = 0; i < levels.size(); i++) {
            EscalationPolicy.Level level = levels.get(i);
            String at = "levels[" + i + "].";
            if (level.delayMinutes() < 0 || level.delayMinutes() < previous) {
                throw new InvalidInputException(at + "delayMinutes", "ascending",
                        "levels are paged in order: each delay at least the previous one's, and not negative");
            }
            previous = level.delayMinutes();
            String type = level.targetType() == null ? "" : level.targetType().trim().toUpperCase();
            if (!TARGET_TYPES.contains(type)) {
                throw new InvalidInputException(at + "targetType", "one-of", "targetType: SCHEDULE, USER or ROLE");
            }
            String target = level.target() == null ? "" : level.target().trim();
            switch (type) {
                case "SCHEDULE" -> {
                    if (!schedules.exists(target)) {
                        throw new InvalidInputException(at + "target", "live-schedule",
                                "schedule " + target + " does not exist or was deleted");
                    }
                }
                case "USER" -> {
                    if (directory.findUser(target).filter(u -> u.role() != Role.CUSTOMER && u.enabled()).isEmpty()) {
                        throw new InvalidInputException(at + "target", "unknown-user", target + " is not an active staff user");
                    }
                }
                default -> {
                    if (!ROLES.contains(target.toUpperCase())) {
                        throw new InvalidInputException(at + "target", "one-of", "a role: " + String.join(", ", ROLES.stream().sorted().toList()));
                    }
                }
            }
        }
        String routingKey = policy.routingKey() == null || policy.routingKey().isBlank() ? null : policy.routingKey().trim();
        if (routingKey != null && !routingKey.matches("[A-Za-z0-9]{1,64}")) {
            throw new InvalidInputException("routingKey", "pattern", "routingKey: PagerDuty's integration key (letters and digits)");
        }
        jdbc.sql("""
                update escalation_policy set repeats = :r, repeat_after_minutes = :a, routing_key = :k,
                       updated_at = :t, updated_by = :u where severity = :s""")
                .param("r", policy.repeats()).param("a", policy.repeatAfterMinutes()).param("k", routingKey)
                .param("t", java.sql.Timestamp.from(clock.instant())).param("u", actor).param("s", severity).update();
        jdbc.sql("delete from escalation_level where severity = :s").param("s", severity).update();
        for (int i = 0; i < levels.size(); i++) {
            EscalationPolicy.Level level = levels.get(i);
            String type = level.targetType().trim().toUpperCase();
            jdbc.sql("""
                    insert into escalation_level (severity, position, delay_minutes, target_type, target)
                    values (:s, :p, :d, :y, :t)""").param("s", severity).param("p", i + 1).param("d", level.delayMinutes())
                    .param("y", type).param("t", type.equals("ROLE") ? level.target().trim().toUpperCase() : level.target().trim())
                    .update();
        }
        return get(severity);
    }

    private static void known(String severity) {
        if (!SEVERITIES.contains(severity)) {
            throw new NotFoundException("Escalation policy", severity);
        }
    }

    /** The severities whose policy names this schedule. */
    public List<String> usingSchedule(String code) {
        return jdbc.sql("select distinct severity from escalation_level where target_type = 'SCHEDULE' and target = :c order by severity")
                .param("c", code).query(String.class).list();
    }
}
