package com.sladesk.notification;

/**
 * One HTTP delivery for the outbox: {@code body} is POSTed to {@code url} as {@code contentType};
 * {@code summary} is what lists show; {@code idempotencyKey} (also in the body, where the receiver
 * reads it) makes a second store of the same message return the first.
 */
public record HttpMessage(Channel channel, String url, String contentType, String body, String summary,
        String idempotencyKey) {

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
    }
}
