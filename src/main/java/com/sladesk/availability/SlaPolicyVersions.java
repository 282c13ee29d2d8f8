package com.sladesk.availability;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA policy's versions. Every computation takes the version in force for the period it
 * computes: the one with the latest effective date on or before the period's first day.
 */
@Service
public class SlaPolicyVersions {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final BigDecimal configuredTarget;
    /**
     * All versions, oldest first: few, read on every computation; replaced when one is added here,
     * and read again after {@link #FRESH_FOR} so a version another node added is seen.
     */
    private final AtomicReference<Loaded> cache = new AtomicReference<>();
    static final java.time.Duration FRESH_FOR = java.time.Duration.ofSeconds(10);

    private record Loaded(List<SlaPolicyVersion> versions, long at) {
    }

    SlaPolicyVersions(JdbcTemplate jdbc, ApplicationEventPublisher events,
            @Value("${sladesk.availability.target-percent:99.9}") BigDecimal configuredTarget) {
        this.jdbc = jdbc;
        this.events = events;
        this.configuredTarget = configuredTarget;
    }

    /** Oldest first; version 1's target is the configured one. */
    public List<SlaPolicyVersion> list() {
        Loaded loaded = cache.get();
        if (loaded == null || System.nanoTime() - loaded.at() > FRESH_FOR.toNanos()) {
            loaded = new Loaded(jdbc.query("SELECT * FROM sla_policy_version ORDER BY effective_from", this::row),
                    System.nanoTime());
            cache.set(loaded);
        }
        return loaded.versions();
    }

    /** The version in force on {@code day}. */
    public SlaPolicyVersion at(LocalDate day) {
        SlaPolicyVersion found = null;
        for (SlaPolicyVersion v : list()) {
            if (!v.effectiveFrom().isAfter(day)) {
                found = v;
            }
        }
        return found == null ? list().get(0) : found;
    }

    public SlaPolicyVersion at(Instant instant) {
        return at(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Adds the next version (the caller checked its rules); audited, and every cached figure is recomputed. */
    @Transactional
    public SlaPolicyVersion create(LocalDate effectiveFrom, BigDecimal targetPercent, BigDecimal reducedAtPercent,
            BigDecimal freezeBelowPercent, Map<String, String> responseTargets, String sreLead, String vpEngineering,
            Instant approvedAt, String rationale) {
        Integer last = jdbc.queryForObject("SELECT MAX(version) FROM sla_policy_version", Integer.class);
        int version = (last == null ? 0 : last) + 1;
        jdbc.update("INSERT INTO sla_policy_version (version, effective_from, target_percent, reduced_at_percent, "
                + "freeze_below_percent, response_targets, sre_lead, vp_engineering, approved_at, rationale) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", version, Date.valueOf(effectiveFrom), targetPercent,
                reducedAtPercent, freezeBelowPercent, format(responseTargets), sreLead, vpEngineering,
                Timestamp.from(approvedAt), rationale);
        cache.set(null);
        SlaPolicyVersion created = list().stream().filter(v -> v.version() == version).findFirst().orElseThrow();
        events.publishEvent(new SlaPolicyVersionCreated(created, vpEngineering));
        return created;
    }

    /** "P1=PT1H/PT4H;P2=…" from a map, and back. */
    public static String format(Map<String, String> targets) {
        return targets == null || targets.isEmpty() ? null : targets.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> targets = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(";")) {
                String[] kv = pair.split("=", 2);
                targets.put(kv[0].trim(), kv[1].trim());
            }
        }
        return targets;
    }

    private SlaPolicyVersion row(ResultSet rs, int n) throws SQLException {
        BigDecimal target = rs.getBigDecimal("target_percent");
        return new SlaPolicyVersion(rs.getInt("version"), rs.getDate("effective_from").toLocalDate(),
                target == null ? configuredTarget : plain(target),
                plain(rs.getBigDecimal("reduced_at_percent")),
                plain(rs.getBigDecimal("freeze_below_percent")), parse(rs.getString("response_targets")),
                rs.getString("sre_lead"), rs.getString("vp_engineering"), rs.getTimestamp("approved_at").toInstant(),
                rs.getString("rationale"));
    }

    /** Without trailing zeros and never in exponent form (50, not 5E+1). */
    public static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
