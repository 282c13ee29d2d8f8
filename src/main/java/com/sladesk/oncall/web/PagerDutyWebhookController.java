package com.sladesk.oncall.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sladesk.oncall.Escalations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The channel's own acknowledge for teams that keep PagerDuty: its v3 webhook subscription posts
 * here, signed (the security chain checks {@code X-PagerDuty-Signature} before this runs).
 */
@RestController
class PagerDutyWebhookController {

    private final Escalations escalations;

    PagerDutyWebhookController(Escalations escalations) {
        this.escalations = escalations;
    }

    @PostMapping("/api/oncall/pagerduty")
    ResponseEntity<Escalations.ChannelAcknowledgement> receive(@RequestBody JsonNode payload) {
        JsonNode event = payload.path("event");
        String type = event.path("event_type").asText(null);
        if (type == null) {
            throw new com.sladesk.system.InvalidInputException("event.event_type", "required",
                    "a PagerDuty v3 webhook payload: {event: {event_type, data}}");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(escalations.acknowledgeFromPagerDuty(type,
                event.path("data").path("incident_key").asText(null), event.path("agent").path("summary").asText(null)));
    }
}
