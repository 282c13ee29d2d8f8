package com.sladesk.slaexception;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "sla_exception_history")
class ExceptionHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant at;

    private String actor;

    private String action;

    private String comment;

    protected ExceptionHistory() {
    }

    ExceptionHistory(Instant at, String actor, String action, String comment) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.comment = comment;
    }

    ExceptionView.HistoryEntry toView() {
        return new ExceptionView.HistoryEntry(at, actor, action, comment);
    }
}
