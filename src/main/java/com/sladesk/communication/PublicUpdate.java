package com.sladesk.communication;

import java.util.Map;

/**
 * What an SRE posts to an incident's public side ({@code POST /api/incidents/{id}/updates}):
 * a status, a message (plain text, line breaks kept, at most 10,000 characters) and, optionally,
 * the affected components from now on as component code to impact; omitted, they stay as they were.
 * Publishing also takes a public {@code title} (the incident's own when left out).
 */
public record PublicUpdate(String status, String message, Map<String, String> components, String title) {

    public PublicUpdate(String status, String message, Map<String, String> components) {
        this(status, message, components, null);
    }
}
