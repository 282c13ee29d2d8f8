package com.sladesk.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.sladesk.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 12 characters, not one of the common passwords shipped with
 * the service ({@code security/common-passwords.txt}, with digits or symbols around it and the
 * usual letter substitutions), not digits and symbols alone, not a run of one character or a
 * sequence, and not the user's own name or address.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    private final Set<String> common = new HashSet<>();

    PasswordPolicy() {
        try (var in = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt"), StandardCharsets.UTF_8))) {
            in.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(common::add);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses {@code password} with a 400 naming the field {@code password} and the rule. */
    public void check(String password, String username, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException("password", "length", "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException("password", "length", "must be at most " + MAX_LENGTH + " characters");
        }
        if (isCommon(password)) {
            throw new InvalidInputException("password", "common",
                    "is too common (it is on the list of passwords people choose most often): choose another");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        for (String own : new String[] { username, email, email == null ? null : email.split("@")[0] }) {
            if (own != null && own.length() >= 3 && lower.contains(own.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("password", "personal", "must not contain your user name or e-mail address");
            }
        }
    }

    boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || isRunOrSequence(lower)) {
            return true;
        }
        // the word inside: without the digits and symbols before and after it
        String stem = lower.replaceAll("^[^a-z]+|[^a-z]+$", "");
        if (stem.isEmpty()) {
            // digits and symbols only: a PIN, a date or a phone number, guessed long before a word is
            return true;
        }
        String plain = stem.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a')
                .replace('@', 'a').replace('5', 's').replace('$', 's').replace('7', 't');
        return common.contains(stem) || common.contains(plain) || common.contains(plain.replace('i', 'l'))
                || isRepeated(stem) || isRepeated(plain) || isRunOrSequence(stem);
    }

    /** One character repeated, or a step-by-one sequence (abcdef…, 123456…, 987654…). */
    private static boolean isRunOrSequence(String s) {
        if (s.length() < 4) {
            return s.length() > 0 && s.chars().distinct().count() == 1;
        }
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < s.length(); i++) {
            int step = s.charAt(i) - s.charAt(i - 1);
            same &= step == 0;
            up &= step == 1;
            down &= step == -1;
        }
        return same || up || down;
    }

    /** A short chunk repeated: abcabcabcabc, passpasspass. */
    private boolean isRepeated(String s) {
        for (int size = 1; size <= s.length() / 2; size++) {
            if (s.length() % size == 0 && s.equals(s.substring(0, size).repeat(s.length() / size))) {
                return true;
            }
        }
        return false;
    }
}
