package com.sladesk.notification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A mail attachment: text (an iCalendar file) or binary (a PDF), the latter kept as base64. */
public record Attachment(String filename, String contentType, String content, boolean base64) {

    public Attachment(String filename, String contentType, String content) {
        this(filename, contentType, content, false);
    }

    public static Attachment binary(String filename, String contentType, byte[] bytes) {
        return new Attachment(filename, contentType, Base64.getEncoder().encodeToString(bytes), true);
    }

    public byte[] bytes() {
        return base64 ? Base64.getDecoder().decode(content) : content.getBytes(StandardCharsets.UTF_8);
    }
}
