package com.sladesk.oncall;

import java.lang.reflect.Field;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Who is on call, worked out by hand: a weekly rotation from its first handoff, the last layer
 * winning where layers overlap, an override over every layer (the later of two overlapping
 * overrides), shifts of days following the zone's calendar across a DST change, and gaps.
 */
class ScheduleRotationTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @Test
    void aWeeklyRotationHandsOffOnItsDayAndTime() {
        Schedule s = schedule("UTC", layer(1, "weekly", List.of("alice", "bob", "carol"), MONDAY, DayOfWeek.MONDAY,
                "09:00", 7 * 1440, null));
        assertThat(s.whoAt(at("2026-11-02T08:59:59Z"), List.of())).as("before the first handoff").isNull();
        assertThat(s.whoAt(at("2026-11-02T09:00:00Z"), List.of())).isEqualTo("alice");
        assertThat(s.whoAt(at("2026-11-09T08:59:00Z"), List.of())).isEqualTo("alice");
        assertThat(s.whoAt(at("2026-11-09T09:00:00Z"), List.of())).isEqualTo("bob");
        assertThat(s.whoAt(at("2026-11-16T09:00:00Z"), List.of())).isEqualTo("carol");
        assertThat(s.whoAt(at("2026-11-23T09:00:00Z"), List.of())).as("round again").isEqualTo("alice");
        // a rotation whose first week starts mid-week hands off on the next handoff day
        Schedule late = schedule("UTC", layer(1, "weekly", List.of("alice", "bob"), LocalDate.of(2026, 11, 4),
                DayOfWeek.MONDAY, "09:00", 7 * 1440, null));
        assertThat(late.whoAt(at("2026-11-08T12:00:00Z"), List.of())).isNull();
        assertThat(late.whoAt(at("2026-11-09T09:00:00Z"), List.of())).isEqualTo("alice");
    }

    @Test
    void theLastLayerWinsAndAnOverrideWinsOverAll() {
        Schedule s = schedule("UTC",
                layer(1, "weekly", List.of("alice", "bob"), MONDAY, DayOfWeek.MONDAY, "09:00", 7 * 1440, null),
                layer(2, "nights", List.of("night"), MONDAY, DayOfWeek.MONDAY, "20:00", 12 * 60,
                        at("2026-11-03T08:00:00Z")));
        // Monday 20:00 to Tuesday 08:00 the night layer (listed last) wins; its next 12 h shift would be
        // Tuesday 08:00-20:00, but it ends at 08:00
        assertThat(s.whoAt(at("2026-11-02T19:59:00Z"), List.of())).isEqualTo("alice");
        assertThat(s.whoAt(at("2026-11-02T20:00:00Z"), List.of())).isEqualTo("night");
        assertThat(s.whoAt(at("2026-11-03T07:59:00Z"), List.of())).isEqualTo("night");
        assertThat(s.whoAt(at("2026-11-03T08:00:00Z"), List.of())).isEqualTo("alice");

        ScheduleOverride first = override(1, "olga", "2026-11-03T10:00:00Z", "2026-11-03T14:00:00Z");
        ScheduleOverride second = override(2, "paul", "2026-11-03T12:00:00Z", "2026-11-03T13:00:00Z");
        List<ScheduleOverride> overrides = List.of(first, second);
        assertThat(s.whoAt(at("2026-11-03T11:00:00Z"), overrides)).isEqualTo("olga");
        assertThat(s.whoAt(at("2026-11-03T12:30:00Z"), overrides)).as("the later override").isEqualTo("paul");
        assertThat(s.whoAt(at("2026-11-03T13:30:00Z"), overrides)).isEqualTo("olga");
        assertThat(s.whoAt(at("2026-11-03T14:00:00Z"), overrides)).isEqualTo("alice");

        assertThat(s.shifts(at("2026-11-02T00:00:00Z"), at("2026-11-03T16:00:00Z"), overrides))
                .extracting(Shift::username, Shift::from, Shift::to, Shift::source)
                .containsExactly(
                        tuple(null, at("2026-11-02T00:00:00Z"), at("2026-11-02T09:00:00Z"), null),
                        tuple("alice", at("2026-11-02T09:00:00Z"), at("2026-11-02T20:00:00Z"), "weekly"),
                        tuple("night", at("2026-11-02T20:00:00Z"), at("2026-11-03T08:00:00Z"), "nights"),
                        tuple("alice", at("2026-11-03T08:00:00Z"), at("2026-11-03T10:00:00Z"), "weekly"),
                        tuple("olga", at("2026-11-03T10:00:00Z"), at("2026-11-03T12:00:00Z"), "override"),
                        tuple("paul", at("2026-11-03T12:00:00Z"), at("2026-11-03T13:00:00Z"), "override"),
                        tuple("olga", at("2026-11-03T13:00:00Z"), at("2026-11-03T14:00:00Z"), "override"),
                        tuple("alice", at("2026-11-03T14:00:00Z"), at("2026-11-03T16:00:00Z"), "weekly"));
    }

    @Test
    void dailyShiftsKeepTheirLocalHandoffAcrossADaylightSavingChange() {
        // Europe/Rome leaves summer time on Sunday 25 October 2026: that day has 25 hours
        Schedule s = schedule("Europe/Rome", layer(1, "daily", List.of("alice", "bob"), LocalDate.of(2026, 10, 24),
                DayOfWeek.SATURDAY, "09:00", 1440, null));
        assertThat(s.whoAt(at("2026-10-24T07:00:00Z"), List.of())).as("Sat 09:00 CEST").isEqualTo("alice");
        // Saturday's shift lasts 25 hours: Sunday 09:00 is already CET
        assertThat(s.whoAt(at("2026-10-25T07:30:00Z"), List.of())).as("Sun 08:30 CET: still alice").isEqualTo("alice");
        assertThat(s.whoAt(at("2026-10-25T08:00:00Z"), List.of())).as("Sun 09:00 CET").isEqualTo("bob");
        assertThat(s.whoAt(at("2026-10-26T07:30:00Z"), List.of())).as("Mon 08:30 CET: still bob").isEqualTo("bob");
        assertThat(s.whoAt(at("2026-10-26T08:00:00Z"), List.of())).as("Mon 09:00 CET").isEqualTo("alice");
    }

    @Test
    void aScheduleWithoutLayersIsOneGap() {
        Schedule s = schedule("UTC");
        assertThat(s.shifts(at("2026-11-02T00:00:00Z"), at("2026-11-16T00:00:00Z"), List.of()))
                .singleElement().satisfies(shift -> assertThat(shift.gap()).isTrue());
    }

    @Test
    void theChainPagesEachLevelAtItsDelayThenRepeats() {
        EscalationPolicy p1 = new EscalationPolicy("P1", 2, 5, null, List.of(
                new EscalationPolicy.Level(0, "SCHEDULE", "primary"), new EscalationPolicy.Level(5, "SCHEDULE", "secondary"),
                new EscalationPolicy.Level(15, "ROLE", "SRE_LEAD"), new EscalationPolicy.Level(30, "ROLE", "LEADERSHIP")));
        Instant t0 = at("2026-11-03T03:00:00Z");
        assertThat(p1.steps(t0)).extracting(EscalationPolicy.Step::pass, EscalationPolicy.Step::level,
                        s -> java.time.Duration.between(t0, s.at()).toMinutes())
                .containsExactly(tuple(1, 1, 0L), tuple(1, 2, 5L), tuple(1, 3, 15L), tuple(1, 4, 30L),
                        tuple(2, 1, 35L), tuple(2, 2, 40L), tuple(2, 3, 50L), tuple(2, 4, 65L),
                        tuple(3, 1, 70L), tuple(3, 2, 75L), tuple(3, 3, 85L), tuple(3, 4, 100L));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static Layer layer(int position, String name, List<String> participants, LocalDate startsOn, DayOfWeek day,
            String time, int shiftMinutes, Instant endsAt) {
        return new Layer(1L, position, new LayerDraft(name, participants, startsOn, day, LocalTime.parse(time),
                shiftMinutes, endsAt));
    }

    static Schedule schedule(String zone, Layer... layers) {
        Schedule s = new Schedule("test", "Test", zone);
        s.layers().addAll(new ArrayList<>(List.of(layers)));
        return s;
    }

    static ScheduleOverride override(long id, String who, String from, String to) {
        ScheduleOverride o = new ScheduleOverride(1L, who, at(from), at(to), "lead");
        try {
            Field field = ScheduleOverride.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(o, id);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return o;
    }
}
