package com.sladesk.organisation;

import com.sladesk.system.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password rule of #15: at least 12 characters and not a common password, however dressed up. */
class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = { "password1234", "Password!2024", "P@ssw0rd2024!", "123456789012", "2026-11-29 1234",
            "qwertyuiop123", "abcdefghijkl", "zzzzzzzzzzzz", "iloveyou!!!!", "Welcome12345", "monkeymonkey",
            "L3tm3in123456", "dragondragon!" })
    void commonPasswordsAreRefusedNamingTheRule(String password) {
        assertThat(policy.isCommon(password)).as(password).isTrue();
        assertThatThrownBy(() -> policy.check(password, "dana", "dana@example.com"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.rule()).isEqualTo("common");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { "Quiet-Harbour-Lantern-7", "correct horse battery staple", "Amber-Glacier-Violin-42",
            "t7#Vq9!mR2$kW" })
    void uncommonPasswordsOfTwelveOrMoreAreAccepted(String password) {
        assertThatCode(() -> policy.check(password, "dana", "dana@example.com")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Short-1", "Elevenchars" })
    void fewerThanTwelveCharactersAreRefused(String password) {
        assertThatThrownBy(() -> policy.check(password, "dana", "dana@example.com"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("length"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Dana-Harbour-Lantern", "my-dana@example.com-pw" })
    void theUsersOwnNameOrAddressIsRefused(String password) {
        assertThatThrownBy(() -> policy.check(password, "dana", "dana@example.com"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("personal"));
    }
}
