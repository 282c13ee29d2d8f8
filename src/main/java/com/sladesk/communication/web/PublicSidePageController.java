package com.sladesk.communication.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.sladesk.communication.PublicIncidents;
import com.sladesk.communication.PublicUpdate;
import com.sladesk.system.ConflictException;
import com.sladesk.system.FieldRuleException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the "Public side" section of the SRE's incident page. A refused form comes back to
 * the page with the message kept and the rule shown beside its field.
 */
@Controller
class PublicSidePageController {

    static final String IMPACT_PREFIX = "impact.";

    private final PublicIncidents incidents;

    PublicSidePageController(PublicIncidents incidents) {
        this.incidents = incidents;
    }

    @PostMapping("/sre/incidents/{id}/public/publish")
    String publish(@PathVariable long id, @RequestParam Map<String, String> form, Authentication user,
            RedirectAttributes redirect) {
        return act(id, form, redirect, () -> incidents.publish(id, update(form), user.getName()),
                "The incident is public: its page is /status/incidents/" + id + ".");
    }

    @PostMapping("/sre/incidents/{id}/public/updates")
    String post(@PathVariable long id, @RequestParam Map<String, String> form, Authentication user,
            RedirectAttributes redirect) {
        return act(id, form, redirect, () -> incidents.post(id, update(form), user.getName()),
                "The update is posted on the status page.");
    }

    @PostMapping("/sre/incidents/{id}/public/summary")
    String summary(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        return act(id, Map.of(), redirect, () -> incidents.publishSummary(id, user.getName()),
                "The postmortem summary is published on the status page.");
    }

    private String act(long id, Map<String, String> form, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("publicErrorField", e.field());
            redirect.addFlashAttribute("publicError", e.field() + ": " + e.getMessage());
            redirect.addFlashAttribute("publicMessage", form.getOrDefault("message", ""));
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("publicError", e.getMessage());
        }
        return "redirect:/sre/incidents/" + id + "#public";
    }

    /** The form as the API's request: {@code impact.<code>} fields, blank meaning not affected. */
    private static PublicUpdate update(Map<String, String> form) {
        Map<String, String> components = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(IMPACT_PREFIX) && value != null && !value.isBlank()) {
                components.put(name.substring(IMPACT_PREFIX.length()), value);
            }
        });
        return new PublicUpdate(form.get("status"), form.get("message"), components, form.get("title"));
    }
}
