package com.sladesk.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.sladesk.availability.OutageCause;
import com.sladesk.availability.OutageRecord;
import com.sladesk.availability.OutageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outage-impact incidents for the availability engine in one flat SQL query (no entities), with
 * "only beta components" decided in the database, so a month of 100,000 incidents stays cheap.
 */
@Component
@Transactional(readOnly = true)
class IncidentOutageSource implements OutageSource {

    private static final String SELECT = """
            select i.id, i.opened_at, i.resolved_at, i.environment, i.cause, %s as beta_only
            from incident i
            where i.impact = 'outage' and i.opened_at < :to and (i.resolved_at is null or i.resolved_at > :from)
            %s
            order by i.opened_at""";
    private static final String BETA_ONLY = """
            (exists (select 1 from incident_component c where c.incident_id = i.id)
             and not exists (select 1 from incident_component c where c.incident_id = i.id
                             and c.component_code not in (:beta)))""";
    private static final String TOUCHING = """
            and exists (select 1 from incident_component c where c.incident_id = i.id and c.component_code in (:components))""";

    private final NamedParameterJdbcTemplate jdbc;

    IncidentOutageSource(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OutageRecord> outagesOverlapping(Instant from, Instant to, Set<String> betaComponents,
            Collection<String> components) {
        if (components != null && components.isEmpty()) {
            return List.of();
        }
        String sql = SELECT.formatted(betaComponents.isEmpty() ? "false" : BETA_ONLY,
                components == null ? "" : TOUCHING);
        MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to)).addValue("beta", betaComponents.isEmpty() ? null : betaComponents)
                .addValue("components", components);
        List<OutageRecord> records = new ArrayList<>();
        jdbc.query(sql, parameters, rs -> {
            Timestamp resolved = rs.getTimestamp(3);
            records.add(new OutageRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                    resolved == null ? null : resolved.toInstant(), "production".equals(rs.getString(4)),
                    outageCause(rs.getString(5)), rs.getBoolean(6)));
        });
        return records;
    }

    private static OutageCause outageCause(String stored) {
        return stored == null ? null : Cause.valueOf(stored.toUpperCase()).outageCause();
    }
}
