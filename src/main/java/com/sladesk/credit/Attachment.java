package com.sladesk.credit;

/** A claim's evidence file, to download. */
public record Attachment(String filename, String contentType, byte[] content) {
}
