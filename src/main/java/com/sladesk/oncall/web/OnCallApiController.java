package com.sladesk.oncall.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sladesk.oncall.EscalationPolicies;
import com.sladesk.oncall.EscalationPolicy;
import com.sladesk.oncall.Escalations;
import com.sladesk.oncall.OnCallNow;
import com.sladesk.oncall.OnCallSchedules;
import com.sladesk.oncall.OverrideView;
import com.sladesk.oncall.PageRecord;
import com.sladesk.oncall.PagingContacts;
import com.sladesk.oncall.ScheduleDraft;
import com.sladesk.oncall.ScheduleView;
import com.sladesk.oncall.Shift;
import com.sladesk.system.ConflictException;
import com.sladesk.system.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * On call over the API: who is on call now and next, schedules (layers, overrides, the final
 * schedule with gaps), the escalation policy per severity, one's own paging contacts, and the
 * pages an incident's chains sent. Staff read; SRE leads and ADMIN edit.
 */
@RestController
class OnCallApiController {

    private final OnCallSchedules schedules;
    private final EscalationPolicies policies;
    private final PagingContacts contacts;
    private final Escalations escalations;

    private final java.time.Clock clock;

    OnCallApiController(OnCallSchedules schedules, EscalationPolicies policies, PagingContacts contacts,
            Escalations escalations, java.time.Clock clock) {
        this.clock = clock;
        this.schedules = schedules;
        this.policies = policies;
        this.contacts = contacts;
        this.escalations = escalations;
    }

    static boolean admin(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }

    private void editor(Authentication user) {
        schedules.checkEditor(user.getName(), admin(user));
    }

    @GetMapping("/api/oncall/now")
    List<OnCallNow> now() {
        return schedules.now();
    }

    @GetMapping("/api/oncall/schedules")
    List<ScheduleView> schedules() {
        return schedules.list();
    }

    @GetMapping("/api/oncall/schedules/{code}")
    ScheduleView schedule(@PathVariable String code) {
        return schedules.get(code);
    }

    /** The final schedule: who is on call when, gaps included (username null). Default: the next 14 days. */
    @GetMapping("/api/oncall/schedules/{code}/shifts")
    List<Shift> shifts(@PathVariable String code, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        Instant start = from == null ? clock.instant() : from;
        return schedules.shifts(code, start, to == null ? start.plus(java.time.Duration.ofDays(14)) : to);
    }

    @PostMapping("/api/oncall/schedules")
    ResponseEntity<ScheduleView> create(@RequestBody ScheduleDraft draft, Authentication user) {
        editor(user);
        return ResponseEntity.status(HttpStatus.CREATED).body(schedules.create(draft, user.getName()));
    }

    @PutMapping("/api/oncall/schedules/{code}")
    ScheduleView update(@PathVariable String code, @RequestBody ScheduleDraft draft, Authentication user) {
        editor(user);
        return schedules.update(code, draft, user.getName());
    }

    @DeleteMapping("/api/oncall/schedules/{code}")
    ResponseEntity<Void> delete(@PathVariable String code, Authentication user) {
        editor(user);
        schedules.get(code);
        List<String> using = policies.usingSchedule(code);
        if (!using.isEmpty()) {
            throw new ConflictException("schedule " + code + " is named by the escalation policies of " + using
                    + ": change them first");
        }
        schedules.delete(code, user.getName());
        return ResponseEntity.noContent().build();
    }

    record NewOverride(String username, Instant startsAt, Instant endsAt) {
    }

    @PostMapping("/api/oncall/schedules/{code}/overrides")
    ResponseEntity<OverrideView> override(@PathVariable String code, @RequestBody NewOverride override,
            Authentication user) {
        editor(user);
        return ResponseEntity.status(HttpStatus.CREATED).body(schedules.addOverride(code, override.username(),
                override.startsAt(), override.endsAt(), user.getName()));
    }

    @DeleteMapping("/api/oncall/schedules/{code}/overrides/{id}")
    ResponseEntity<Void> deleteOverride(@PathVariable String code, @PathVariable long id, Authentication user) {
        editor(user);
        schedules.deleteOverride(code, id, user.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/oncall/policies")
    List<EscalationPolicy> policies() {
        return policies.all();
    }

    @PutMapping("/api/oncall/policies/{code}")
    EscalationPolicy policy(@PathVariable("code") String severity, @RequestBody EscalationPolicy policy, Authentication user) {
        editor(user);
        return policies.update(severity.toUpperCase(), policy, user.getName());
    }

    /** The signed-in person's paging contacts (channel to address). */
    @GetMapping("/api/oncall/contacts")
    Map<String, String> contacts(Authentication user) {
        return contacts.of(user.getName());
    }

    record Contact(String channel, String address) {
    }

    @PutMapping("/api/oncall/contacts")
    Map<String, String> setContact(@RequestBody Contact contact, Authentication user) {
        contacts.set(user.getName(), contact.channel(), contact.address());
        return contacts.of(user.getName());
    }

    /** Who each of the incident's chains paged, when, on which channel, and whether it was delivered. */
    @GetMapping("/api/incidents/{id}/pages")
    List<PageRecord> pages(@PathVariable long id) {
        if (id <= 0) {
            throw new InvalidInputException("id", "positive", "an incident id is positive");
        }
        escalations.requireIncident(id);
        return escalations.pages(id);
    }
}
