package com.sladesk.postmortem;

import java.time.Instant;
import java.util.List;

/**
 * A postmortem or root-cause analysis as the API and pages show it; the text fields are Markdown.
 * {@code budgetPolicy} and {@code reason} say why {@code postmortem-policy.dmn} asked for it.
 */
public record PostmortemView(long incidentId, PostmortemKind kind, PostmortemStatus status, String budgetPolicy,
        String reason, Instant dueAt, boolean overdue, String title, String summary, String customerImpact,
        String timeline, String rootCause, String contributingFactors, String wentWell, String reviewComment,
        Instant createdAt, Instant updatedAt, String updatedBy, String submittedBy, Instant submittedAt,
        String approvedBy, Instant approvedAt, List<ActionItemView> actionItems) {
}
