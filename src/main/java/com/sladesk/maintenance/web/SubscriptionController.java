package com.sladesk.maintenance.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import com.sladesk.maintenance.Subscriptions;
import com.sladesk.system.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Public subscriptions from the status page: subscribe, confirm by the mailed link, one-click unsubscribe. */
@Controller
class SubscriptionController {

    static final String RESULT = "status/subscription";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping("/status/subscribe")
    String subscribe(@RequestParam(defaultValue = "") String email,
            @RequestParam(required = false) List<String> components, RedirectAttributes redirect) {
        if (email.length() > 320 || !EMAIL.matcher(email.trim()).matches()) {
            redirect.addFlashAttribute("subscribeError", "Enter a valid email address.");
            redirect.addFlashAttribute("email", email);
            return "redirect:/status#subscribe";
        }
        try {
            subscriptions.subscribe(email, components == null ? new LinkedHashSet<>() : new LinkedHashSet<>(components));
            redirect.addFlashAttribute("message", "Check your inbox: we sent a link to confirm the subscription.");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("subscribeError", e.getMessage());
        }
        return "redirect:/status";
    }

    @GetMapping("/status/subscriptions/confirm")
    String confirm(@RequestParam String token, Model model) {
        subscriptions.confirm(token);
        model.addAttribute("outcome", "Your subscription is confirmed: you will receive maintenance notices.");
        return RESULT;
    }

    @GetMapping("/status/unsubscribe")
    String unsubscribe(@RequestParam String token, Model model) {
        subscriptions.unsubscribe(token);
        model.addAttribute("outcome", "You are unsubscribed: no more notices will be sent to you.");
        return RESULT;
    }
}
