package com.sladesk.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * An on-call schedule: layers of rotations and overrides. Where layers overlap the one listed
 * last wins; an override wins over every layer (PagerDuty's rule). Deleted schedules are kept,
 * marked, so an escalation level that names one is refused by name.
 */
@Entity
@Table(name = "oncall_schedule")
class Schedule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    private String timeZone;

    private Instant deletedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "schedule_id", insertable = false, updatable = false)
    @OrderBy("position")
    private List<Layer> layers = new ArrayList<>();

    protected Schedule() {
    }

    Schedule(String code, String name, String timeZone) {
        this.code = code;
        this.name = name;
        this.timeZone = timeZone;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    boolean deleted() {
        return deletedAt != null;
    }

    void delete(Instant now) {
        deletedAt = now;
    }

    void rename(String name, String timeZone) {
        this.name = name;
        this.timeZone = timeZone;
    }

    List<Layer> layers() {
        return layers;
    }

    /** Who is on call at {@code at}: the latest override covering it, else the last layer with someone. */
    String whoAt(Instant at, List<ScheduleOverride> overrides) {
        return onCallAt(at, overrides)[0];
    }

    /** {who, source}: the person (null in a gap) and "override" or the layer's name. */
    private String[] onCallAt(Instant at, List<ScheduleOverride> overrides) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (overrides.get(i).covers(at)) {
                return new String[] { overrides.get(i).username(), "override" };
            }
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            String who = layers.get(i).whoAt(zone(), at);
            if (who != null) {
                return new String[] { who, layers.get(i).name() };
            }
        }
        return new String[] { null, null };
    }

    /**
     * The final schedule from {@code from} to {@code to}: consecutive shifts, a gap where nobody is
     * on call, the same person's adjacent stretches merged. {@code overrides} in creation order.
     */
    List<Shift> shifts(Instant from, Instant to, List<ScheduleOverride> overrides) {
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(from);
        cuts.add(to);
        for (Layer layer : layers) {
            cuts.addAll(layer.boundaries(zone(), from, to));
        }
        for (ScheduleOverride o : overrides) {
            if (o.startsAt().isAfter(from) && o.startsAt().isBefore(to)) {
                cuts.add(o.startsAt());
            }
            if (o.endsAt().isAfter(from) && o.endsAt().isBefore(to)) {
                cuts.add(o.endsAt());
            }
        }
        List<Instant> points = new ArrayList<>(cuts);
        List<Shift> shifts = new ArrayList<>();
        for (int i = 0; i + 1 < points.size(); i++) {
            Instant a = points.get(i);
            Instant b = points.get(i + 1);
            String[] onCall = onCallAt(a, overrides);
            String who = onCall[0];
            String source = onCall[1];
            Shift last = shifts.isEmpty() ? null : shifts.get(shifts.size() - 1);
            if (last != null && java.util.Objects.equals(last.username(), who)
                    && java.util.Objects.equals(last.source(), source)) {
                shifts.set(shifts.size() - 1, new Shift(who, last.from(), b, source));
            }
            else {
                shifts.add(new Shift(who, a, b, source));
            }
        }
        return shifts;
    }

    static Comparator<ScheduleOverride> creationOrder() {
        return Comparator.comparing(ScheduleOverride::getId);
    }
}
