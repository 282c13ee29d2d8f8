package com.sladesk.credit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sladesk.system.InvalidInputException;

/**
 * What a claim's evidence may be: at most {@value #MAX_FILES} files of at most 5 MB, each a PDF,
 * PNG, JPEG or plain text file, its type read from its content (magic bytes; text must be UTF-8
 * without control characters), and it must be the type its name and declared type say. A 400 names
 * the file and the rule.
 */
final class EvidenceCheck {

    static final int MAX_FILES = 5;
    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final Map<String, String> BY_EXTENSION = Map.of("pdf", "application/pdf", "png", "image/png",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "txt", "text/plain", "log", "text/plain");

    private EvidenceCheck() {
    }

    /** Each file's type as its content shows it, in order. */
    static List<String> check(List<Evidence> files) {
        if (files.size() > MAX_FILES) {
            throw new InvalidInputException("attachments", "count", "at most " + MAX_FILES + " files, not " + files.size());
        }
        return files.stream().map(EvidenceCheck::typeOf).toList();
    }

    private static String typeOf(Evidence file) {
        String name = file.filename() == null || file.filename().isBlank() ? "(unnamed)" : file.filename();
        String field = "attachments[" + name + "]";
        if (name.length() > 200) {
            throw new InvalidInputException(field, "name", "the file name must be at most 200 characters");
        }
        byte[] bytes = file.content() == null ? new byte[0] : file.content();
        if (bytes.length == 0) {
            throw new InvalidInputException(field, "empty", name + " is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(field, "size", name + " is larger than 5 MB");
        }
        String detected = sniff(bytes);
        if (detected == null) {
            throw new InvalidInputException(field, "type", name + " is not a PDF, PNG, JPEG or plain text file");
        }
        int dot = name.lastIndexOf('.');
        String byName = dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        String declared = file.declaredType() == null || file.declaredType().isBlank()
                || file.declaredType().equals("application/octet-stream") ? null
                : file.declaredType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (dot >= 0 && byName == null) {
            throw new InvalidInputException(field, "type", name + ": only .pdf, .png, .jpg, .jpeg, .txt and .log files");
        }
        if ((byName != null && !byName.equals(detected)) || (declared != null && !declared.equals(detected))) {
            throw new InvalidInputException(field, "content", name + " says it is " + (declared != null ? declared : byName)
                    + " but its content is " + detected);
        }
        return detected;
    }

    static String sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        return isPlainText(b) ? "text/plain" : null;
    }

    private static boolean starts(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainText(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f');
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }
}
