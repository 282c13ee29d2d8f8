package com.sladesk.oncall;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import com.sladesk.organisation.UserAccount;
import com.sladesk.system.DuplicateException;
import com.sladesk.system.ForbiddenException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.ProcessSteps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for schedules: who is on call now and next, the final schedule with its gaps,
 * and the edits SRE leads and ADMIN make (layers, overrides). Everyone staff may read.
 */
@Service
@Transactional(readOnly = true)
public class OnCallSchedules {

    /** The SRE leads' process group (sladesk.security.sre-leads): they, and ADMIN, edit schedules and policies. */
    public static final String SRE_LEAD_GROUP = "sre-lead";

    static final Duration LOOK_AHEAD = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScheduleRepository schedules;
    private final OverrideRepository overrides;
    private final Directory directory;
    private final ProcessSteps process;
    private final JdbcClient jdbc;
    private final Clock clock;

    OnCallSchedules(ScheduleRepository schedules, OverrideRepository overrides, Directory directory,
            ProcessSteps process, JdbcClient jdbc, Clock clock) {
        this.schedules = schedules;
        this.overrides = overrides;
        this.directory = directory;
        this.process = process;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** SRE leads and ADMIN edit; anyone else gets 403. */
    public void checkEditor(String username, boolean admin) {
        if (!mayEdit(username, admin)) {
            throw new ForbiddenException("only an SRE lead (group sre-lead, sladesk.security.sre-leads) or ADMIN "
                    + "edits on-call schedules and escalation policies");
        }
    }

    public boolean mayEdit(String username, boolean admin) {
        return admin || process.isMember(username, SRE_LEAD_GROUP);
    }

    public List<ScheduleView> list() {
        Instant now = clock.instant();
        return schedules.findLive().stream().map(s -> view(s, now)).toList();
    }

    public ScheduleView get(String code) {
        return view(live(code), clock.instant());
    }

    /** True when a live schedule has this code (an escalation level may name it). */
    public boolean exists(String code) {
        return schedules.findByCode(code).filter(s -> !s.deleted()).isPresent();
    }

    /** Who is on call on {@code code} at {@code at}; empty in a gap. */
    public Optional<String> onCall(String code, Instant at) {
        Schedule schedule = live(code);
        return Optional.ofNullable(schedule.whoAt(at, overrides.overlapping(schedule.getId(), at, at.plusMillis(1))));
    }

    /** Now and next on every schedule, with the gaps of the next 14 days. */
    public List<OnCallNow> now() {
        Instant now = clock.instant();
        List<OnCallNow> result = new ArrayList<>();
        for (Schedule schedule : schedules.findLive()) {
            List<Shift> shifts = shifts(schedule, now, now.plus(LOOK_AHEAD));
            Shift current = shifts.get(0);
            Shift next = shifts.size() > 1 ? shifts.get(1) : null;
            result.add(new OnCallNow(schedule.getCode(), schedule.getName(), current, next,
                    shifts.stream().filter(Shift::gap).toList()));
        }
        return result;
    }

    /** The final schedule of {@code code} from {@code from} to {@code to}. */
    public List<Shift> shifts(String code, Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
            throw new InvalidInputException("to", "range", "to must be after from, at most 400 days later");
        }
        return shifts(live(code), from, to);
    }

    private List<Shift> shifts(Schedule schedule, Instant from, Instant to) {
        return schedule.shifts(from, to, overrides.overlapping(schedule.getId(), from, to));
    }

    @Transactional
    public ScheduleView create(ScheduleDraft draft, String actor) {
        String code = draft.code() == null ? "" : draft.code().trim();
        if (!code.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new InvalidInputException("code", "pattern", "code: lower-case letters, digits and hyphens, up to 64");
        }
        if (schedules.findByCode(code).isPresent()) {
            throw new DuplicateException("code", "a schedule " + code + " exists (or existed: codes are not reused)");
        }
        Schedule schedule = schedules.save(new Schedule(code, name(draft), zone(draft)));
        replaceLayers(schedule, draft.layers());
        return view(schedule, clock.instant());
    }

    @Transactional
    public ScheduleView update(String code, ScheduleDraft draft, String actor) {
        Schedule schedule = live(code);
        schedule.rename(name(draft), zone(draft));
        replaceLayers(schedule, draft.layers());
        return view(schedule, clock.instant());
    }

    /** Marks it deleted; an escalation level that still names it is refused when the policy is next saved, and skipped when paged. */
    @Transactional
    public void delete(String code, String actor) {
        live(code).delete(clock.instant());
    }

    @Transactional
    public OverrideView addOverride(String code, String username, Instant startsAt, Instant endsAt, String actor) {
        Schedule schedule = live(code);
        requireStaff("username", username);
        if (startsAt == null) {
            throw new InvalidInputException("startsAt", "required", "startsAt is required");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "after-start", "endsAt must be after startsAt");
        }
        return overrides.save(new ScheduleOverride(schedule.getId(), username.trim(), startsAt, endsAt, actor)).toView();
    }

    @Transactional
    public void deleteOverride(String code, long id, String actor) {
        Schedule schedule = live(code);
        ScheduleOverride override = overrides.findById(id).filter(o -> o.getScheduleId().equals(schedule.getId()))
                .orElseThrow(() -> new NotFoundException("Override", id));
        overrides.delete(override);
    }

    /** The private link token of {@code username}'s shift calendars, made on first use. */
    @Transactional
    public String feedToken(String username) {
        Optional<String> token = jdbc.sql("select token from oncall_feed_token where username = :u").param("u", username)
                .query(String.class).optional();
        if (token.isPresent()) {
            return token.get();
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String made = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into oncall_feed_token (username, token) values (:u, :t)").params(Map.of("u", username, "t", made))
                .update();
        return made;
    }

    /** Whose feed token this is; empty when none. */
    public Optional<String> feedOwner(String token) {
        return token == null ? Optional.empty()
                : jdbc.sql("select username from oncall_feed_token where token = :t").param("t", token)
                        .query(String.class).optional();
    }

    private void replaceLayers(Schedule schedule, List<LayerDraft> drafts) {
        List<LayerDraft> layers = drafts == null ? List.of() : drafts;
        List<Layer> made = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerDraft d = layers.get(i);
            String at = "layers[" + i + "].";
            if (d.participants() == null || d.participants().stream().allMatch(p -> p == null || p.isBlank())) {
                throw new InvalidInputException(at + "participants", "not-empty", "a rotation needs at least one participant");
            }
            for (String p : d.participants()) {
                requireStaff(at + "participants", p);
            }
            if (d.shiftMinutes() <= 0) {
                throw new InvalidInputException(at + "shiftMinutes", "positive", "a shift lasts more than zero minutes");
            }
            if (d.startsOn() == null) {
                throw new InvalidInputException(at + "startsOn", "required", "startsOn is required");
            }
            if (d.handoffDay() == null) {
                throw new InvalidInputException(at + "handoffDay", "required", "handoffDay is required (MONDAY…SUNDAY)");
            }
            if (d.handoffTime() == null) {
                throw new InvalidInputException(at + "handoffTime", "required", "handoffTime is required (HH:mm)");
            }
            String name = d.name() == null || d.name().isBlank() ? "Layer " + (i + 1) : d.name().trim();
            List<String> participants = d.participants().stream().map(String::trim).toList();
            made.add(new Layer(schedule.getId(), i + 1, new LayerDraft(name, participants, d.startsOn(), d.handoffDay(),
                    d.handoffTime(), d.shiftMinutes(), d.endsAt())));
        }
        schedule.layers().clear();
        schedules.flush();
        schedule.layers().addAll(made);
    }

    private void requireStaff(String field, String username) {
        UserAccount user = username == null ? null : directory.findUser(username.trim()).orElse(null);
        if (user == null || user.role() == Role.CUSTOMER || !user.enabled()) {
            throw new InvalidInputException(field, "unknown-user", field + ": " + username + " is not an active staff user");
        }
    }

    private static String name(ScheduleDraft draft) {
        if (draft.name() == null || draft.name().isBlank()) {
            throw new InvalidInputException("name", "required", "name is required");
        }
        return draft.name().trim();
    }

    private static String zone(ScheduleDraft draft) {
        String zone = draft.timeZone() == null || draft.timeZone().isBlank() ? "UTC" : draft.timeZone().trim();
        try {
            return ZoneId.of(zone).getId();
        }
        catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "zone-id", "timeZone must be an IANA zone such as Europe/Rome");
        }
    }

    private Schedule live(String code) {
        return schedules.findByCode(code).filter(s -> !s.deleted())
                .orElseThrow(() -> new NotFoundException("Schedule", code));
    }

    private ScheduleView view(Schedule s, Instant now) {
        return new ScheduleView(s.getCode(), s.getName(), s.zone().getId(),
                s.layers().stream().map(Layer::toDraft).toList(),
                overrides.overlapping(s.getId(), now, Instant.parse("9999-01-01T00:00:00Z")).stream()
                        .map(ScheduleOverride::toView).toList());
    }
}
