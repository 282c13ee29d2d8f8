package com.sladesk.incident.web;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentStatus;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.system.ConflictException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SRE incident board, an incident's detail with its actions, and the form to open one. */
@Controller
@RequestMapping("/sre/incidents")
class IncidentPageController {

    static final String BOARD = "incident/board";
    static final String DETAIL = "incident/detail";
    static final String FORM = "incident/form";

    /** Breached first, then by the due time that matters next. */
    static final Comparator<IncidentView> BOARD_ORDER = Comparator.comparing((IncidentView i) -> !i.breached())
            .thenComparing(IncidentView::nextDueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(IncidentView::id);

    private final IncidentService incidents;
    private final ComponentCatalogue catalogue;

    /** Another module's section of the page, with its data for this incident. */
    record Section(String template, Object data) {
    }

    private final org.springframework.beans.factory.ObjectProvider<com.sladesk.system.IncidentSection> sections;

    IncidentPageController(IncidentService incidents, ComponentCatalogue catalogue,
            org.springframework.beans.factory.ObjectProvider<com.sladesk.system.IncidentSection> sections) {
        this.sections = sections;
        this.incidents = incidents;
        this.catalogue = catalogue;
    }

    @InitBinder("incidentForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("title", "description", "severity", "components", "environment", "impact", "openedAt");
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("severities", Severity.values());
        model.addAttribute("environments", Environment.values());
        model.addAttribute("impacts", Impact.values());
        model.addAttribute("causes", Cause.values());
        model.addAttribute("catalogue", catalogue.inService());
    }

    @GetMapping
    String board(Model model) {
        List<IncidentView> open = incidents.list(List.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED), null, 500)
                .stream().sorted(BOARD_ORDER).toList();
        model.addAttribute("incidents", open);
        model.addAttribute("resolved", incidents.list(List.of(IncidentStatus.RESOLVED), null, 10));
        return BOARD;
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("incidentForm", new IncidentForm());
        return FORM;
    }

    @PostMapping
    String processCreationForm(@Valid @ModelAttribute("incidentForm") IncidentForm form, BindingResult result,
            Authentication user, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            IncidentView incident = incidents.open(new NewIncident(form.getTitle(), blankToNull(form.getDescription()),
                    form.getSeverity(), form.getComponents(), form.getEnvironment(), form.getImpact(),
                    form.getOpenedAt() == null ? null : form.getOpenedAt().toInstant(ZoneOffset.UTC), null),
                    user.getName());
            redirect.addFlashAttribute("message", "Incident #" + incident.id() + " opened.");
            return "redirect:/sre/incidents/" + incident.id();
        }
        catch (InvalidInputException e) {
            result.rejectValue(e.field(), e.rule(), e.getMessage());
            return FORM;
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("incident", incidents.find(id).orElseThrow(() -> new NotFoundException("Incident", id)));
        model.addAttribute("sections", sections.orderedStream()
                .map(s -> new Section(s.template(), s.data(id))).toList());
        return DETAIL;
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        return act(id, redirect, "Acknowledged.", () -> incidents.acknowledge(id, user.getName()));
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) Cause cause, Authentication user,
            RedirectAttributes redirect) {
        if (cause == null) {
            redirect.addFlashAttribute("error", "Choose the cause before resolving.");
            return "redirect:/sre/incidents/" + id;
        }
        return act(id, redirect, "Resolved.", () -> incidents.resolve(id, null, cause, user.getName()));
    }

    @PostMapping("/{id}/severity")
    String severity(@PathVariable long id, @RequestParam Severity severity, Authentication user,
            RedirectAttributes redirect) {
        return act(id, redirect, "Severity changed to " + severity + "; due times re-computed.",
                () -> incidents.changeSeverity(id, severity, user.getName()));
    }

    @PostMapping("/{id}/pause")
    String pause(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        return act(id, redirect, "Waiting for the customer: the resolution clock is stopped.",
                () -> incidents.pause(id, user.getName()));
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        return act(id, redirect, "Resumed: the resolution clock runs again.", () -> incidents.resume(id, user.getName()));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        }
        catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", "Someone else changed this incident at the same time; check and retry.");
        }
        return "redirect:/sre/incidents/" + id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
