package com.sladesk.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One layer of a schedule: a rotation of participants, in order, handing off on a weekday at a
 * time (in the schedule's zone) from the first such moment on or after {@code startsOn}; each
 * shift lasts {@code shiftMinutes}. A shift of whole days follows the zone's calendar (a day is
 * 23 or 25 hours across a DST change); one of hours is exact. It ends at {@code endsAt}, if set.
 */
@Entity
@Table(name = "oncall_layer")
class Layer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "schedule_id")
    private Long scheduleId;

    private int position;

    private String name;

    private String participants;

    private LocalDate startsOn;

    @Enumerated(EnumType.STRING)
    private DayOfWeek handoffDay;

    private LocalTime handoffTime;

    private int shiftMinutes;

    private Instant endsAt;

    protected Layer() {
    }

    Layer(long scheduleId, int position, LayerDraft draft) {
        this.scheduleId = scheduleId;
        this.position = position;
        this.name = draft.name();
        this.participants = String.join(",", draft.participants());
        this.startsOn = draft.startsOn();
        this.handoffDay = draft.handoffDay();
        this.handoffTime = draft.handoffTime();
        this.shiftMinutes = draft.shiftMinutes();
        this.endsAt = draft.endsAt();
    }

    List<String> participants() {
        return participants == null || participants.isBlank() ? List.of() : Arrays.asList(participants.split(","));
    }

    int position() {
        return position;
    }

    String name() {
        return name;
    }

    LayerDraft toDraft() {
        return new LayerDraft(name, participants(), startsOn, handoffDay, handoffTime, shiftMinutes, endsAt);
    }

    /** The first handoff: the first {@code handoffDay} on or after {@code startsOn}, at the handoff time. */
    ZonedDateTime anchor(ZoneId zone) {
        LocalDate first = startsOn.with(TemporalAdjusters.nextOrSame(handoffDay));
        return ZonedDateTime.of(first, handoffTime, zone);
    }

    /** When shift {@code k} starts. */
    Instant shiftStart(ZoneId zone, long k) {
        ZonedDateTime anchor = anchor(zone);
        if (shiftMinutes % 1440 == 0) {
            return anchor.plusDays(k * (shiftMinutes / 1440)).toInstant();
        }
        return anchor.toInstant().plus(Duration.ofMinutes(k * shiftMinutes));
    }

    /** Who this layer has on call at {@code at}, or null (before it starts, after it ends). */
    String whoAt(ZoneId zone, Instant at) {
        long k = shiftIndex(zone, at);
        return k < 0 ? null : participants().get((int) (k % participants().size()));
    }

    /** The shift covering {@code at}: -1 when none. */
    long shiftIndex(ZoneId zone, Instant at) {
        Instant start = anchor(zone).toInstant();
        if (participants().isEmpty() || at.isBefore(start) || (endsAt != null && !at.isBefore(endsAt))) {
            return -1;
        }
        long k = Duration.between(start, at).toMinutes() / shiftMinutes;
        while (k > 0 && shiftStart(zone, k).isAfter(at)) {
            k--;
        }
        while (!shiftStart(zone, k + 1).isAfter(at)) {
            k++;
        }
        return k;
    }

    /** The handoff instants inside (from, to), and the layer's end if inside: where who is on call may change. */
    List<Instant> boundaries(ZoneId zone, Instant from, Instant to) {
        List<Instant> result = new ArrayList<>();
        if (participants().isEmpty() || (endsAt != null && !from.isBefore(endsAt))) {
            return result;
        }
        Instant start = anchor(zone).toInstant();
        long k = at(from, start) ? 0 : Math.max(0, shiftIndex(zone, from));
        for (Instant s = shiftStart(zone, k); s.isBefore(to) && (endsAt == null || s.isBefore(endsAt)); s = shiftStart(zone, ++k)) {
            if (s.isAfter(from)) {
                result.add(s);
            }
        }
        if (endsAt != null && endsAt.isAfter(from) && endsAt.isBefore(to)) {
            result.add(endsAt);
        }
        return result;
    }

    private static boolean at(Instant from, Instant start) {
        return !from.isAfter(start);
    }
}
