package com.sladesk.notification.web;

import java.util.List;

import com.sladesk.notification.NotificationStatus;
import com.sladesk.notification.NotificationView;
import com.sladesk.notification.Notifications;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Validated
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Newest first; filter by recipient and status. */
    @GetMapping
    List<NotificationView> list(@RequestParam(required = false) String recipient,
            @RequestParam(required = false) NotificationStatus status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return notifications.find(recipient, status, limit);
    }

    @GetMapping("/{id}")
    NotificationView get(@PathVariable long id) {
        return notifications.get(id);
    }

    @PostMapping("/{id}/retry")
    NotificationView retry(@PathVariable long id) {
        return notifications.retry(id);
    }
}
