package com.sladesk.change.web;

import com.sladesk.change.ChangeKind;
import com.sladesk.change.ChangeService;
import com.sladesk.change.ChangeView;
import com.sladesk.system.ConflictException;
import com.sladesk.system.FieldRuleException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Change requests: the form and list, and the CTO's decision. */
@Controller
class ChangePageController {

    static final String LIST = "change/list";
    static final String DETAIL = "change/detail";

    private final ChangeService changes;

    ChangePageController(ChangeService changes) {
        this.changes = changes;
    }

    @GetMapping("/changes")
    String list(Model model) {
        model.addAttribute("changes", changes.list());
        model.addAttribute("kinds", ChangeKind.values());
        return LIST;
    }

    @PostMapping("/changes")
    String request(@RequestParam(defaultValue = "") String title, @RequestParam(required = false) String description,
            @RequestParam ChangeKind kind, @RequestParam(required = false) Long fixesIncidentId,
            @RequestParam(required = false) String testingEvidence, Authentication user, RedirectAttributes redirect) {
        if (title.isBlank()) {
            redirect.addFlashAttribute("error", "A change needs a title.");
            return "redirect:/changes";
        }
        try {
            ChangeView change = changes.request(title, description, kind, fixesIncidentId, testingEvidence, user.getName());
            redirect.addFlashAttribute("message", "Change #" + change.id() + ": " + change.decision() + ". " + change.reason());
            return "redirect:/changes/" + change.id();
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/changes";
        }
    }

    @GetMapping("/changes/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("change", changes.find(id));
        return DETAIL;
    }

    @PostMapping("/changes/{id}/decision")
    String decide(@PathVariable long id, @RequestParam boolean approved, @RequestParam(required = false) String comment,
            Authentication user, RedirectAttributes redirect) {
        try {
            changes.decide(id, approved, comment, user.getName());
            redirect.addFlashAttribute("message", approved ? "Change approved." : "Change rejected.");
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/changes/" + id;
    }
}
