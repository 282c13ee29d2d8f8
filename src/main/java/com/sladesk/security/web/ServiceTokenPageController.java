package com.sladesk.security.web;

import java.util.List;

import com.sladesk.security.ApiTokens;
import com.sladesk.system.FieldRuleException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: service tokens for tools (a CI/CD pipeline, Alertmanager, a Prometheus scrape), and every token to revoke. */
@Controller
class ServiceTokenPageController {

    static final String TOKENS = "admin/tokens";

    private final ApiTokens tokens;

    ServiceTokenPageController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/admin/tokens")
    String list(Model model) {
        model.addAttribute("tokens", tokens.allTokens());
        return TOKENS;
    }

    @PostMapping("/admin/tokens")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) List<String> scopes,
            @RequestParam(required = false) Integer expiresInDays, Authentication user, Model model) {
        try {
            model.addAttribute("created", tokens.createService(user.getName(), name, scopes, expiresInDays));
        }
        catch (FieldRuleException e) {
            model.addAttribute("tokenError", e.field() + ": " + e.getMessage());
        }
        return list(model);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "Token " + tokens.revoke(id, user.getName()).name() + " revoked.");
        return "redirect:/admin/tokens";
    }
}
