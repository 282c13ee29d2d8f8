package com.sladesk.notification.web;

import com.sladesk.notification.NotificationStatus;
import com.sladesk.notification.Notifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The outbox as SREs and admins read it: what was sent, what waits and why. */
@Controller
class NotificationPageController {

    static final String LIST = "notification/list";

    private final Notifications notifications;

    NotificationPageController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(required = false) String recipient,
            @RequestParam(required = false) NotificationStatus status, Model model) {
        model.addAttribute("notifications", notifications.find(recipient, status, 200));
        model.addAttribute("recipient", recipient);
        model.addAttribute("status", status);
        model.addAttribute("statuses", NotificationStatus.values());
        return LIST;
    }
}
