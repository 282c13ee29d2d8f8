package com.sladesk.oncall.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sladesk.oncall.EscalationPolicies;
import com.sladesk.oncall.EscalationPolicy;
import com.sladesk.oncall.LayerDraft;
import com.sladesk.oncall.OnCallSchedules;
import com.sladesk.oncall.PagingContacts;
import com.sladesk.oncall.ScheduleDraft;
import com.sladesk.oncall.ScheduleView;
import com.sladesk.oncall.Shift;
import com.sladesk.system.ConflictException;
import com.sladesk.system.FieldRuleException;
import com.sladesk.system.ForbiddenException;
import com.sladesk.system.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The on-call page: now and next on each schedule, the next 14 days with gaps highlighted, the
 * escalation policies, one's own paging contacts and private calendar link; SRE leads and ADMIN
 * edit schedules, overrides and policies here. Each person's shifts as iCalendar: a private link.
 */
@Controller
class OnCallPageController {

    private final OnCallSchedules schedules;
    private final EscalationPolicies policies;
    private final PagingContacts contacts;
    private final Clock clock;

    OnCallPageController(OnCallSchedules schedules, EscalationPolicies policies, PagingContacts contacts, Clock clock) {
        this.schedules = schedules;
        this.policies = policies;
        this.contacts = contacts;
        this.clock = clock;
    }

    @GetMapping("/oncall")
    String page(Model model, Authentication user) {
        Instant now = clock.instant();
        Map<String, List<Shift>> timelines = new LinkedHashMap<>();
        List<ScheduleView> all = schedules.list();
        for (ScheduleView s : all) {
            timelines.put(s.code(), schedules.shifts(s.code(), now, now.plus(Duration.ofDays(14))));
        }
        model.addAttribute("now", schedules.now());
        model.addAttribute("schedules", all);
        model.addAttribute("timelines", timelines);
        model.addAttribute("policies", policies.all());
        model.addAttribute("contacts", contacts.of(user.getName()));
        model.addAttribute("channels", PagingContacts.CHANNELS);
        model.addAttribute("feedToken", schedules.feedToken(user.getName()));
        model.addAttribute("mayEdit", schedules.mayEdit(user.getName(), OnCallApiController.admin(user)));
        model.addAttribute("days", DayOfWeek.values());
        return "oncall/page";
    }

    /** One person's shifts on one schedule, 14 days back and 90 ahead; the token says whose. */
    @GetMapping(value = "/oncall/{code}.ics")
    ResponseEntity<String> calendar(@PathVariable String code, @RequestParam(required = false) String token) {
        String owner = schedules.feedOwner(token).orElseThrow(() -> new NotFoundException("Calendar", code));
        Instant now = clock.instant();
        List<Shift> mine = schedules.shifts(code, now.minus(Duration.ofDays(14)), now.plus(Duration.ofDays(90))).stream()
                .filter(s -> owner.equals(s.username())).toList();
        return ResponseEntity.ok().header("Content-Type", "text/calendar; charset=UTF-8")
                .header("Cache-Control", "private, max-age=300")
                .body(ShiftCalendar.of(schedules.get(code), owner, mine));
    }

    @PostMapping("/oncall/schedules")
    String create(@RequestParam String code, @RequestParam String name, @RequestParam(defaultValue = "UTC") String timeZone,
            Authentication user, RedirectAttributes redirect) {
        return edit(user, redirect, "Schedule " + code + " created.", "schedule-form", () -> schedules.create(
                new ScheduleDraft(code, name, timeZone, List.of()), user.getName()));
    }

    @PostMapping("/oncall/{code}/layers")
    String addLayer(@PathVariable String code, @RequestParam String name, @RequestParam String participants,
            @RequestParam(required = false) LocalDate startsOn, @RequestParam(required = false) DayOfWeek handoffDay,
            @RequestParam(required = false) LocalTime handoffTime, @RequestParam(defaultValue = "0") int shiftHours,
            Authentication user, RedirectAttributes redirect) {
        return edit(user, redirect, "Layer added to " + code + ".", "layer-form-" + code, () -> {
            ScheduleView s = schedules.get(code);
            List<LayerDraft> layers = new ArrayList<>(s.layers());
            layers.add(new LayerDraft(name, Arrays.stream(participants.split("[,\\s]+")).filter(p -> !p.isBlank()).toList(),
                    startsOn, handoffDay, handoffTime, shiftHours * 60, null));
            schedules.update(code, new ScheduleDraft(code, s.name(), s.timeZone(), layers), user.getName());
        });
    }

    @PostMapping("/oncall/{code}/layers/{id}/delete")
    String removeLayer(@PathVariable String code, @PathVariable("id") int position, Authentication user,
            RedirectAttributes redirect) {
        return edit(user, redirect, "Layer removed from " + code + ".", "layer-form-" + code, () -> {
            ScheduleView s = schedules.get(code);
            List<LayerDraft> layers = new ArrayList<>(s.layers());
            if (position < 1 || position > layers.size()) {
                throw new NotFoundException("Layer", position);
            }
            layers.remove(position - 1);
            schedules.update(code, new ScheduleDraft(code, s.name(), s.timeZone(), layers), user.getName());
        });
    }

    /** Times from the form are UTC (the page says so). */
    @PostMapping("/oncall/{code}/overrides")
    String addOverride(@PathVariable String code, @RequestParam String username,
            @RequestParam(required = false) LocalDateTime startsAt, @RequestParam(required = false) LocalDateTime endsAt,
            Authentication user, RedirectAttributes redirect) {
        return edit(user, redirect, "Override added to " + code + ".", "override-form-" + code, () -> schedules.addOverride(code, username,
                startsAt == null ? null : startsAt.toInstant(ZoneOffset.UTC),
                endsAt == null ? null : endsAt.toInstant(ZoneOffset.UTC), user.getName()));
    }

    @PostMapping("/oncall/{code}/overrides/{id}/delete")
    String removeOverride(@PathVariable String code, @PathVariable long id, Authentication user,
            RedirectAttributes redirect) {
        return edit(user, redirect, "Override removed.", "override-form-" + code, () -> schedules.deleteOverride(code, id, user.getName()));
    }

    /** Levels as lines of "delay-minutes TYPE target", such as "5 SCHEDULE secondary". */
    @PostMapping("/oncall/policies/{code}")
    String policy(@PathVariable("code") String severity, @RequestParam(defaultValue = "") String levels,
            @RequestParam(defaultValue = "0") int repeats, @RequestParam(defaultValue = "5") int repeatAfterMinutes,
            @RequestParam(required = false) String routingKey, Authentication user, RedirectAttributes redirect) {
        return edit(user, redirect, "Escalation policy " + severity + " saved.", "policy-form-" + severity.toUpperCase(), () -> {
            List<EscalationPolicy.Level> parsed = new ArrayList<>();
            String[] lines = levels.strip().isEmpty() ? new String[0] : levels.strip().split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String[] cells = lines[i].trim().split("\\s+");
                if (cells.length != 3 || !cells[0].matches("\\d{1,4}")) {
                    throw new com.sladesk.system.InvalidInputException("levels[" + i + "]", "format",
                            "line " + (i + 1) + ": \"delay-minutes TYPE target\", such as \"5 SCHEDULE secondary\"");
                }
                parsed.add(new EscalationPolicy.Level(Integer.parseInt(cells[0]), cells[1], cells[2]));
            }
            policies.update(severity.toUpperCase(), new EscalationPolicy(severity, repeats, repeatAfterMinutes,
                    routingKey, parsed), user.getName());
        });
    }

    /** Anyone staff sets their own contacts. */
    @PostMapping("/oncall/contacts")
    String contact(@RequestParam String channel, @RequestParam(defaultValue = "") String address, Authentication user,
            RedirectAttributes redirect) {
        try {
            contacts.set(user.getName(), channel, address);
            redirect.addFlashAttribute("message", "Paging contact saved.");
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
            redirect.addFlashAttribute("errorField", e.field());
            redirect.addFlashAttribute("errorForm", "contact-form");
        }
        return "redirect:/oncall";
    }

    /** Runs an edit; a refusal comes back as a message beside the form it came from ({@code form}). */
    private String edit(Authentication user, RedirectAttributes redirect, String done, String form, Runnable change) {
        redirect.addFlashAttribute("errorForm", form);
        schedules.checkEditor(user.getName(), OnCallApiController.admin(user));
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
            redirect.addFlashAttribute("errorField", e.field());
        }
        catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/oncall";
    }
}
