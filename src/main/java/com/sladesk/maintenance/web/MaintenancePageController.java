package com.sladesk.maintenance.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.maintenance.Activity;
import com.sladesk.maintenance.MaintenanceService;
import com.sladesk.maintenance.MaintenanceType;
import com.sladesk.maintenance.MaintenanceView;
import com.sladesk.system.ConflictException;
import com.sladesk.system.FieldRuleException;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** SREs schedule maintenance (the rules checked as they type; the server decides) and manage the calendar. */
@Controller
class MaintenancePageController {

    static final String PAGE = "maintenance/sre";

    private final MaintenanceService maintenance;
    private final ComponentCatalogue catalogue;
    private final Clock clock;

    MaintenancePageController(MaintenanceService maintenance, ComponentCatalogue catalogue, Clock clock) {
        this.maintenance = maintenance;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @InitBinder("maintenanceForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("title", "description", "type", "startsAt", "endsAt", "components", "activities",
                "incidentId");
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("types", MaintenanceType.values());
        model.addAttribute("policy", maintenance.policy());
        model.addAttribute("allActivities", Activity.values());
        model.addAttribute("catalogue", catalogue.inService());
        model.addAttribute("groups", catalogue.groups());
        Instant now = clock.instant();
        List<MaintenanceView> windows = maintenance.between(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(365)));
        model.addAttribute("windows", windows);
    }

    @GetMapping("/sre/maintenance")
    String initCreationForm(Model model) {
        model.addAttribute("maintenanceForm", new MaintenanceForm());
        return PAGE;
    }

    @PostMapping("/sre/maintenance")
    String processCreationForm(@Valid @ModelAttribute("maintenanceForm") MaintenanceForm form, BindingResult result,
            Authentication user, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return PAGE;
        }
        try {
            MaintenanceView window = maintenance.schedule(form.toCommand(), user.getName());
            redirect.addFlashAttribute("message", "Maintenance #" + window.id() + " scheduled and announced.");
            return "redirect:/sre/maintenance";
        }
        catch (FieldRuleException e) {
            result.rejectValue(e.field(), e.rule(), e.getMessage());
            return PAGE;
        }
    }

    /** The as-you-type check: the same rules the server applies on submit, answered as JSON. */
    @PostMapping("/sre/maintenance/check")
    @ResponseBody
    List<Map<String, String>> check(@ModelAttribute("maintenanceForm") MaintenanceForm form) {
        if (!form.complete()) {
            return List.of();
        }
        return maintenance.check(form.toCommand()).stream()
                .map(e -> Map.of("field", e.field(), "rule", e.rule(), "message", e.getMessage())).toList();
    }

    @PostMapping("/sre/maintenance/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
            RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("error", "Give a reason for the cancellation; subscribers will read it.");
            return "redirect:/sre/maintenance";
        }
        try {
            maintenance.cancel(id, reason.trim(), user.getName());
            redirect.addFlashAttribute("message", "Maintenance #" + id + " cancelled; subscribers notified.");
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sre/maintenance";
    }
}
