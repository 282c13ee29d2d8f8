package com.sladesk.incident;

import com.sladesk.system.AnswerCache;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Tells the incident list's cache that incidents changed: every insert, update or delete of an
 * incident, its timeline or its SLA events bumps {@link #VERSION} (and again when the transaction
 * ends). One per JVM: a second node in the same JVM (tests) only makes both rebuild more often.
 */
class IncidentChanges {

    static final AnswerCache.Version VERSION = new AnswerCache.Version();

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        VERSION.changed();
    }
}
