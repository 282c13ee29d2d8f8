package com.sladesk.notification;

import java.time.Duration;
import java.util.Map;

/**
 * One HTTP delivery for the outbox: {@code body} is POSTed to {@code url} as {@code contentType}
 * with {@code headers} (a signature, say); {@code summary} is what lists show; {@code idempotencyKey}
 * (also in the body, where the receiver reads it) makes a second store of the same message return
 * the first. {@code retryFor}, when given, is how long failed attempts go on (with the backoff)
 * instead of the configured number of attempts; when it runs out the message is FAILED and a
 * {@link NotificationAbandoned} event says so.
 */
public record HttpMessage(Channel channel, String url, String contentType, String body, String summary,
        String idempotencyKey, Map<String, String> headers, Duration retryFor) {

    public HttpMessage {
        if (channel == null || !channel.overHttp()) {
            throw new IllegalArgumentException("an HTTP message needs an HTTP channel, not " + channel);
        }
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("an HTTP message needs an http(s) URL");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an HTTP message needs an idempotency key");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        headers.forEach((name, value) -> {
            if (!name.matches("[A-Za-z0-9-]{1,64}") || value.contains("\n") || value.contains("\r")) {
                throw new IllegalArgumentException("not a header: " + name);
            }
        });
    }

    public HttpMessage(Channel channel, String url, String contentType, String body, String summary,
            String idempotencyKey) {
        this(channel, url, contentType, body, summary, idempotencyKey, Map.of(), null);
    }
}
