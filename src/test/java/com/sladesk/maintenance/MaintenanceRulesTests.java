package com.sladesk.maintenance;

import java.time.Duration;
import java.time.Instant;

import com.sladesk.system.InvalidInputException;
import com.sladesk.system.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SLA section 3. Sunday 8 March 2026, 02:00–04:00 UTC is the window used throughout. */
class MaintenanceRulesTests {

    static final Instant START = Instant.parse("2026-03-08T02:00:00Z");
    static final Instant END = Instant.parse("2026-03-08T04:00:00Z");

    @Test
    void sevenDaysExactlyIsAccepted() {
        assertThatCode(() -> standard(START, END, START.minus(Duration.ofDays(7)))).doesNotThrowAnyException();
    }

    @Test
    void sixDaysTwentyThreeHoursIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> standard(START, END, START.minus(Duration.ofDays(7)).plus(Duration.ofHours(1))))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("announced 6 days 23 hours ahead; standard maintenance needs 7 days")
                .satisfies(e -> assertThat(((RuleViolationException) e).rule()).isEqualTo("notice"));
        assertThatThrownBy(() -> standard(START, END, START.minus(Duration.ofDays(5))))
                .hasMessage("announced 5 days ahead; standard maintenance needs 7 days");
    }

    @ParameterizedTest(name = "{0} to {1} is outside the Sunday window")
    @CsvSource({ "2026-03-08T01:59:00Z, 2026-03-08T03:00:00Z", "2026-03-08T03:00:00Z, 2026-03-08T04:01:00Z",
            "2026-03-07T02:00:00Z, 2026-03-07T04:00:00Z", "2026-03-09T02:00:00Z, 2026-03-09T03:00:00Z",
            "2026-03-08T02:00:00Z, 2026-03-15T03:00:00Z" })
    void outsideTheSundayWindowIsRefused(Instant start, Instant end) {
        assertThatThrownBy(() -> standard(start, end, start.minus(Duration.ofDays(10))))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith("standard maintenance lies inside Sunday 02:00–04:00 UTC")
                .satisfies(e -> assertThat(((RuleViolationException) e).rule()).isEqualTo("standard-window"));
    }

    @Test
    void theWholeWindowAndPartsOfItAreAccepted() {
        Instant announced = START.minus(Duration.ofDays(8));
        assertThatCode(() -> standard(START, END, announced)).doesNotThrowAnyException();
        assertThatCode(() -> standard(START.plusSeconds(1800), END.minusSeconds(1800), announced)).doesNotThrowAnyException();
    }

    @Test
    void emergencyNeedsAnOpenP1AndTwoHoursNotice() {
        Instant start = Instant.parse("2026-03-04T15:00:00Z");
        Instant end = start.plus(Duration.ofHours(1));
        assertThatThrownBy(() -> MaintenanceRules.check(MaintenanceType.EMERGENCY, start, end,
                start.minus(Duration.ofHours(3)), null, false)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("incidentId"));
        assertThatThrownBy(() -> MaintenanceRules.check(MaintenanceType.EMERGENCY, start, end,
                start.minus(Duration.ofHours(3)), 7L, false)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("not an open P1");
        assertThatThrownBy(() -> MaintenanceRules.check(MaintenanceType.EMERGENCY, start, end,
                start.minus(Duration.ofMinutes(119)), 7L, true))
                .hasMessage("announced 1 hour 59 minutes ahead; emergency maintenance needs 2 hours");
        assertThatCode(() -> MaintenanceRules.check(MaintenanceType.EMERGENCY, start, end,
                start.minus(Duration.ofHours(2)), 7L, true)).doesNotThrowAnyException();
    }

    @Test
    void endMustFollowStart() {
        assertThatThrownBy(() -> standard(END, START, START.minus(Duration.ofDays(8))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("endsAt"));
    }

    private static void standard(Instant start, Instant end, Instant announced) {
        MaintenanceRules.check(MaintenanceType.STANDARD, start, end, announced, null, false);
    }
}
