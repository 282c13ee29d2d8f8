package com.sladesk.communication.web;

import java.net.URI;

import com.sladesk.communication.PublicIncidentView;
import com.sladesk.communication.PublicIncidents;
import com.sladesk.communication.PublicUpdate;
import com.sladesk.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An incident's public side over the API: read it, publish it, post updates, publish the postmortem summary. */
@RestController
class PublicSideApiController {

    private final PublicIncidents incidents;

    PublicSideApiController(PublicIncidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/api/incidents/{id}/public")
    @Operation(summary = "The incident's public side: title, status, affected components, timeline; published or not")
    PublicIncidentView side(@PathVariable long id) {
        return incidents.find(id).orElseThrow(() -> new NotFoundException("Public side of incident", id));
    }

    @PostMapping("/api/incidents/{id}/publish")
    @Operation(summary = "Publish the incident's public side with its first update "
            + "({title, status, message, components}); 409 when it is published already")
    @ApiResponse(responseCode = "201", description = "Published; Location is its public page", useReturnTypeSchema = true)
    ResponseEntity<PublicIncidentView> publish(@PathVariable long id, @RequestBody PublicUpdate first,
            Authentication user) {
        PublicIncidentView side = incidents.publish(id, first, user.getName());
        return ResponseEntity.created(URI.create("/status/incidents/" + id)).body(side);
    }

    @PostMapping("/api/incidents/{id}/updates")
    @Operation(summary = "Post a public update {status, message, components: {code: impact}}; "
            + "409 while the incident is unpublished")
    @ApiResponse(responseCode = "201", description = "Posted; Location is the incident's public page", useReturnTypeSchema = true)
    ResponseEntity<PublicIncidentView> post(@PathVariable long id, @RequestBody PublicUpdate update,
            Authentication user) {
        PublicIncidentView side = incidents.post(id, update, user.getName());
        return ResponseEntity.created(URI.create("/status/incidents/" + id)).body(side);
    }

    @PostMapping("/api/incidents/{id}/public/summary")
    @Operation(summary = "Publish the approved postmortem's customer-facing summary on the public page and feed")
    PublicIncidentView publishSummary(@PathVariable long id, Authentication user) {
        return incidents.publishSummary(id, user.getName());
    }
}
