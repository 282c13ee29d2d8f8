package com.sladesk.maintenance.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.sladesk.maintenance.Subscriptions;
import com.sladesk.system.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Public subscriptions from the status page: subscribe, confirm by the mailed link, one-click unsubscribe. */
@Controller
class SubscriptionController {

    static final String RESULT = "status/subscription";
    static final String WEBHOOK_CREATED = "status/webhook-created";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * Subscribes by e-mail (a confirmation link is mailed), or a webhook or Slack-compatible
     * webhook ({@code channel}, {@code url}; {@code email} is its owner), to components and groups.
     * A webhook's secret is shown on the page that answers, once.
     */
    @PostMapping("/status/subscribe")
    String subscribe(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "email") String channel,
            @RequestParam(defaultValue = "") String url, @RequestParam(required = false) List<String> components,
            @RequestParam(required = false) List<String> groups, RedirectAttributes redirect, Model model) {
        if (email.length() > 320 || !EMAIL.matcher(email.trim()).matches()) {
            redirect.addFlashAttribute("subscribeError", "Enter a valid email address.");
            redirect.addFlashAttribute("email", email);
            redirect.addFlashAttribute("url", url);
            return "redirect:/status#subscribe";
        }
        Set<String> chosen = components == null ? new LinkedHashSet<>() : new LinkedHashSet<>(components);
        Set<String> chosenGroups = groups == null ? new LinkedHashSet<>() : new LinkedHashSet<>(groups);
        try {
            if (!"email".equals(channel)) {
                Subscriptions.NewWebhook webhook = subscriptions.subscribeWebhook(channel, url, email, chosen, chosenGroups);
                model.addAttribute("webhook", webhook);
                model.addAttribute("deleteLink", ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/status/unsubscribe").queryParam("token", webhook.token()).build().toUriString());
                return WEBHOOK_CREATED;
            }
            subscriptions.subscribe(email, chosen, chosenGroups);
            redirect.addFlashAttribute("message", "Check your inbox: we sent a link to confirm the subscription.");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("subscribeError", e.field() + ": " + e.getMessage());
            redirect.addFlashAttribute("email", email);
            redirect.addFlashAttribute("url", url);
            return "redirect:/status#subscribe";
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
        model.addAttribute("outcome", "You are unsubscribed: no more notices will be sent to you (or to your webhook).");
        return RESULT;
    }
}
