package com.sladesk.maintenance;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sladesk.notification.Attachment;

/**
 * One thing the status page's subscribers hear of (an incident update, a maintenance notice),
 * told to each of them once: {@code key} is unique to it and, with the subscriber, becomes each
 * delivery's idempotency key. {@code components} it concerns (empty: all); {@code contractScoped}
 * sends it to customers' notice contacts only when their contract covers one of them. E-mail gets
 * {@code subject} and {@code lines} (and the attachments), webhooks get {@code payload} as JSON
 * with the key, Slack-compatible webhooks a text; {@code path} is the page it links to.
 */
public record StatusNotice(String key, String type, String subject, List<String> lines, String path,
        Set<String> components, boolean contractScoped, Map<String, Object> payload, List<Attachment> attachments) {
}
