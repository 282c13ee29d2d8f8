package com.sladesk.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records decisions: every {@link Audited} event, in the transaction that published it (and
 * requiring one), so a decision that rolls back leaves no entry and a committed one always has its
 * entry.
 */
@Service
public class AuditTrail {

    static final int DETAIL_MAX = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(Audited decision) {
        Audited.Entry entry = decision.auditEntry();
        record(decision.actor(), entry.action(), entry.subjectType(), entry.subjectId(), entry.detail());
    }

    private void record(String actor, String action, String subjectType, Object subjectId, String detail) {
        String text = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
        jdbc.update("INSERT INTO audit_entry (at, actor, action, subject_type, subject_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), actor, action, subjectType, String.valueOf(subjectId), text);
    }

    /** The newest entries first, optionally only those of one subject type and/or id. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(String subjectType, String subjectId, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, at, actor, action, subject_type, subject_id, detail FROM audit_entry WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (subjectType != null && !subjectType.isBlank()) {
            sql.append(" AND subject_type = ?");
            args.add(subjectType);
        }
        if (subjectId != null && !subjectId.isBlank()) {
            sql.append(" AND subject_id = ?");
            args.add(subjectId);
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail")), args.toArray());
    }
}
