package com.sladesk.slo;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The SLO tables, in SQL: definitions and versions, the SLI per minute, and its sums. */
@Repository
class SloStore {

    /** One minute of the SLI: events in the minute ending at {@code end}, or a gap (good and total null). */
    record Minute(Instant end, Double good, Double total, String gap) {
    }

    /** Sums of good and total events and the number of minutes with data, over a span. */
    record Sums(double good, double total, long minutesWithData) {
    }

    private static final String VIEW = """
            SELECT s.id, s.name, v.version AS shown_version, s.state, s.problem, s.retired, v.display_name, v.description,
                   v.service, v.components, v.good_query, v.bad_query, v.total_query, v.histogram_query,
                   v.threshold_seconds, v.target_percent, v.window_kind, v.window_days, v.gates_changes,
                   v.created_by, v.created_at
            FROM slo s JOIN slo_version v ON v.slo_id = s.id AND v.version = %s
            """;

    private final JdbcTemplate jdbc;

    SloStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(SloDefinition definition, String state, String problem, String actor, Instant at) {
        jdbc.update("INSERT INTO slo (name, current_version, state, problem) VALUES (?, 1, ?, ?)", definition.name(),
                state, problem);
        long id = jdbc.queryForObject("SELECT id FROM slo WHERE name = ?", Long.class, definition.name());
        insertVersion(id, 1, definition, actor, at);
        return id;
    }

    void insertVersion(long id, int version, SloDefinition d, String actor, Instant at) {
        SloWindow window = SloWindow.parse(d.window());
        SloDefinition.Indicator i = d.indicator();
        jdbc.update("""
                INSERT INTO slo_version (slo_id, version, display_name, description, service, components, sli_kind,
                    good_query, bad_query, total_query, histogram_query, threshold_seconds, target_percent, window_kind,
                    window_days, gates_changes, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, version, d.displayName(),
                d.description(), d.service(), String.join(",", d.components()), i.kind().name(), i.good(), i.bad(),
                i.total(), i.histogram(), i.thresholdSeconds(), d.target(),
                window.calendarMonth() ? "CALENDAR_MONTH" : "ROLLING", window.days(), d.gatesChanges(), actor,
                utc(at));
    }

    void setCurrent(long id, int version, String state, String problem) {
        jdbc.update("UPDATE slo SET current_version = ?, state = ?, problem = ? WHERE id = ?", version, state, problem, id);
    }

    void setState(long id, String state, String problem) {
        jdbc.update("UPDATE slo SET state = ?, problem = ? WHERE id = ?", state, problem, id);
    }

    void bounds(long id, String bounds) {
        jdbc.update("UPDATE slo SET histogram_bounds = ? WHERE id = ?", bounds, id);
    }

    /** The bucket bounds around a threshold that is not one, as the evaluator last found them. */
    double[] bounds(long id) {
        String bounds = jdbc.queryForObject("SELECT histogram_bounds FROM slo WHERE id = ?", String.class, id);
        if (bounds == null) {
            return null;
        }
        String[] pair = bounds.split(",");
        return new double[] { Double.parseDouble(pair[0]), Double.parseDouble(pair[1]) };
    }

    void retire(long id) {
        jdbc.update("UPDATE slo SET retired = TRUE WHERE id = ?", id);
    }

    void evaluated(long id, Instant at) {
        jdbc.update("UPDATE slo SET evaluated_at = ? WHERE id = ?", utc(at), id);
    }

    Optional<Instant> evaluatedAt(long id) {
        return jdbc.query("SELECT evaluated_at FROM slo WHERE id = ?", (rs, n) -> instant(rs, "evaluated_at"), id)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    long countEver() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM slo", Long.class);
    }

    List<SloView> current() {
        return jdbc.query(VIEW.formatted("s.current_version") + " WHERE s.retired = FALSE ORDER BY s.name", VIEW_ROW);
    }

    Optional<SloView> find(long id) {
        return jdbc.query(VIEW.formatted("s.current_version") + " WHERE s.id = ?", VIEW_ROW, id).stream().findFirst();
    }

    Optional<SloView> findByName(String name) {
        return jdbc.query(VIEW.formatted("s.current_version") + " WHERE s.name = ?", VIEW_ROW, name).stream().findFirst();
    }

    List<SloView> versions(long id) {
        return jdbc.query(VIEW.formatted("v.version") + " WHERE s.id = ? ORDER BY v.version", VIEW_ROW, id);
    }

    // --- the SLI per minute

    Optional<Instant> firstMinute(long id) {
        return Optional.ofNullable(jdbc.query("SELECT MIN(minute_end) AS m FROM slo_minute WHERE slo_id = ?",
                (rs, n) -> instant(rs, "m"), id).get(0));
    }

    Optional<Instant> lastMinute(long id) {
        return Optional.ofNullable(jdbc.query("SELECT MAX(minute_end) AS m FROM slo_minute WHERE slo_id = ?",
                (rs, n) -> instant(rs, "m"), id).get(0));
    }

    /** Gaps worth asking for again: Prometheus did not answer, or answered empty since {@code emptySince}. */
    List<Instant> retryableGaps(long id, Instant from, Instant emptySince) {
        return jdbc.query("""
                SELECT minute_end FROM slo_minute WHERE slo_id = ? AND minute_end > ? AND gap IS NOT NULL
                  AND (gap <> 'empty' OR minute_end > ?) ORDER BY minute_end""",
                (rs, n) -> instant(rs, "minute_end"), id, utc(from), utc(emptySince));
    }

    /**
     * Stores the minutes of one contiguous span (in order): they replace the gaps stored for them; a
     * minute that has data keeps it (only gaps and new minutes are ever asked for again).
     */
    void store(long id, List<Minute> minutes) {
        if (minutes.isEmpty()) {
            return;
        }
        Object from = utc(minutes.get(0).end());
        Object to = utc(minutes.get(minutes.size() - 1).end());
        jdbc.update("DELETE FROM slo_minute WHERE slo_id = ? AND minute_end >= ? AND minute_end <= ? AND gap IS NOT NULL",
                id, from, to);
        java.util.Set<Instant> kept = new java.util.HashSet<>(jdbc.query(
                "SELECT minute_end FROM slo_minute WHERE slo_id = ? AND minute_end >= ? AND minute_end <= ?",
                (rs, n) -> instant(rs, "minute_end"), id, from, to));
        List<Minute> rows = kept.isEmpty() ? minutes : minutes.stream().filter(m -> !kept.contains(m.end())).toList();
        jdbc.batchUpdate("INSERT INTO slo_minute (slo_id, minute_end, good, total, gap) VALUES (?, ?, ?, ?, ?)", rows,
                1000, (ps, m) -> {
                    ps.setLong(1, id);
                    ps.setObject(2, utc(m.end()));
                    ps.setObject(3, m.good(), java.sql.Types.DOUBLE);
                    ps.setObject(4, m.total(), java.sql.Types.DOUBLE);
                    ps.setString(5, m.gap());
                });
    }

    /** Forgets the minutes that ended before {@code before}, of every SLO; how many. */
    int forgetMinutesBefore(Instant before) {
        return jdbc.update("DELETE FROM slo_minute WHERE minute_end < ?", utc(before));
    }

    void forgetMinutes(long id) {
        jdbc.update("DELETE FROM slo_minute WHERE slo_id = ?", id);
    }

    /** Sums over the minutes ending after {@code from} and at or before {@code to}. */
    Sums sums(long id, Instant from, Instant to) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(good), 0) AS good, COALESCE(SUM(total), 0) AS total, COUNT(total) AS minutes
                FROM slo_minute WHERE slo_id = ? AND minute_end > ? AND minute_end <= ?""",
                (rs, n) -> new Sums(rs.getDouble("good"), rs.getDouble("total"), rs.getLong("minutes")), id, utc(from),
                utc(to));
    }

    /**
     * Sums over several spans that all end at {@code to} (the window and the burn-rate windows of a
     * status), in one read of the longest: one {@link Sums} per start, in order.
     */
    List<Sums> sumsTo(long id, List<Instant> froms, Instant to) {
        Instant earliest = froms.stream().min(Instant::compareTo).orElseThrow();
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> parameters = new java.util.ArrayList<>();
        for (int i = 0; i < froms.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("COALESCE(SUM(CASE WHEN minute_end > ? THEN good END), 0) AS g")
                    .append(i).append(", COALESCE(SUM(CASE WHEN minute_end > ? THEN total END), 0) AS t").append(i)
                    .append(", COUNT(CASE WHEN minute_end > ? THEN total END) AS m").append(i);
            Object from = utc(froms.get(i));
            parameters.add(from);
            parameters.add(from);
            parameters.add(from);
        }
        sql.append(" FROM slo_minute WHERE slo_id = ? AND minute_end > ? AND minute_end <= ?");
        parameters.add(id);
        parameters.add(utc(earliest));
        parameters.add(utc(to));
        return jdbc.queryForObject(sql.toString(), (rs, n) -> {
            List<Sums> sums = new java.util.ArrayList<>();
            for (int i = 0; i < froms.size(); i++) {
                sums.add(new Sums(rs.getDouble("g" + i), rs.getDouble("t" + i), rs.getLong("m" + i)));
            }
            return sums;
        }, parameters.toArray());
    }

    /** The minutes of a span, in order, for charts and tests. */
    List<Minute> minutes(long id, Instant from, Instant to) {
        return jdbc.query("""
                SELECT minute_end, good, total, gap FROM slo_minute WHERE slo_id = ? AND minute_end > ? AND minute_end <= ?
                ORDER BY minute_end""", (rs, n) -> new Minute(instant(rs, "minute_end"), (Double) rs.getObject("good"),
                (Double) rs.getObject("total"), rs.getString("gap")), id, utc(from), utc(to));
    }

    /** Per bucket of {@code bucketSeconds}: good, total and gap minutes, for charts. */
    List<Object[]> buckets(long id, Instant from, Instant to, long bucketSeconds) {
        List<Minute> minutes = minutes(id, from, to);
        java.util.Map<Long, double[]> sums = new java.util.TreeMap<>();
        for (Minute m : minutes) {
            long bucket = Math.floorDiv(m.end().getEpochSecond() - 1 - from.getEpochSecond(), bucketSeconds);
            double[] s = sums.computeIfAbsent(bucket, b -> new double[3]);
            if (m.gap() == null) {
                s[0] += m.good();
                s[1] += m.total();
            } else {
                s[2]++;
            }
        }
        return sums.entrySet().stream().map(e -> new Object[] {
                from.plusSeconds(e.getKey() * bucketSeconds), e.getValue()[0], e.getValue()[1], (long) e.getValue()[2] })
                .toList();
    }

    // --- the evaluator's lock

    /** True for the one node that moves the lock to {@code minute}; false for every other node asking for it. */
    boolean claim(Instant minute) {
        return jdbc.update("UPDATE slo_evaluator_lock SET last_minute = ? WHERE id = 1 AND last_minute < ?",
                utc(minute), utc(minute)) == 1;
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static final RowMapper<SloView> VIEW_ROW = (rs, n) -> {
        String components = rs.getString("components");
        Double threshold = (Double) rs.getObject("threshold_seconds");
        String window = "CALENDAR_MONTH".equals(rs.getString("window_kind")) ? "month" : rs.getInt("window_days") + "d";
        BigDecimal target = rs.getBigDecimal("target_percent").stripTrailingZeros();
        return new SloView(rs.getLong("id"), rs.getString("name"), rs.getString("display_name"),
                rs.getString("description"), rs.getString("service"),
                components == null || components.isEmpty() ? List.of() : List.of(components.split(",")),
                new SloDefinition.Indicator(rs.getString("good_query"), rs.getString("bad_query"),
                        rs.getString("total_query"), rs.getString("histogram_query"), threshold),
                target.scale() < 0 ? target.setScale(0) : target, window, rs.getBoolean("gates_changes"),
                rs.getInt("shown_version"), rs.getString("state"), rs.getString("problem"), rs.getBoolean("retired"),
                rs.getString("created_by"), instant(rs, "created_at"));
    };
}
