package com.sladesk.postmortem;

import java.time.Instant;
import java.time.LocalDate;

/** One action item of a postmortem; {@code overdue} when still open after its due day (UTC). */
public record ActionItemView(long id, long incidentId, String title, String owner, LocalDate dueOn,
        ActionItemStatus status, String link, Instant createdAt, Instant doneAt, boolean overdue) {
}
