package com.sladesk.catalogue;

import com.sladesk.system.AnswerCache;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/** Tells the catalogue's kept list that a component or group changed (now, and when the transaction ends). */
class CatalogueChanges {

    static final AnswerCache.Version VERSION = new AnswerCache.Version();

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        VERSION.changed();
    }
}
