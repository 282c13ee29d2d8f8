package com.sladesk.credit;

import com.sladesk.system.AnswerCache;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Tells the claim list's cache that claims changed: every insert, update or delete of a claim
 * bumps {@link #VERSION} (and again when the transaction ends). One per JVM: a second node in the same JVM (tests) only makes both rebuild more often.
 */
class CreditChanges {

    static final AnswerCache.Version VERSION = new AnswerCache.Version();

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        VERSION.changed();
    }
}
