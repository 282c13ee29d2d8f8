package com.sladesk.organisation;

import java.util.Locale;
import java.util.regex.Pattern;

import com.sladesk.system.InvalidInputException;

/** The shape of what administrators type: e-mail addresses and user names. */
final class Checks {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    /** What the process engine accepts as a user id (application.yml's whitelist), up to 64 characters. */
    static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._@-]{0,63}");

    private Checks() {
    }

    /** The address in lower case, or a 400 naming {@code field}. */
    static String email(String field, String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(field, "required", "must be given");
        }
        if (trimmed.length() > 320 || !EMAIL.matcher(trimmed).matches()) {
            throw new InvalidInputException(field, "email", "must be an e-mail address such as ops@example.com");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    static String username(String value) {
        if (!USERNAME.matcher(value).matches()) {
            throw new InvalidInputException("username", "pattern",
                    "must be 1 to 64 of letters, digits, '.', '_', '@' and '-', starting with a letter or digit");
        }
        return value;
    }
}
