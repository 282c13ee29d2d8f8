package com.sladesk.change.web;

import java.net.URI;
import java.util.List;

import com.sladesk.change.ChangeKind;
import com.sladesk.change.ChangeService;
import com.sladesk.change.ChangeView;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/changes")
class ChangeApiController {

    private final ChangeService changes;

    ChangeApiController(ChangeService changes) {
        this.changes = changes;
    }

    record ChangeRequestBody(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
            @NotNull ChangeKind kind, @Positive Long fixesIncidentId, @Size(max = 4000) String testingEvidence) {
    }

    record Decision(@NotNull Boolean approved, @Size(max = 2000) String comment) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    ResponseEntity<ChangeView> request(@RequestBody @Valid ChangeRequestBody body, Authentication user) {
        ChangeView change = changes.request(body.title(), body.description(), body.kind(), body.fixesIncidentId(),
                body.testingEvidence(), user.getName());
        return ResponseEntity.created(URI.create("/api/changes/" + change.id())).body(change);
    }

    @GetMapping
    List<ChangeView> list() {
        return changes.list();
    }

    @GetMapping("/{id}")
    ChangeView get(@PathVariable long id) {
        return changes.find(id);
    }

    @PostMapping("/{id}/decision")
    ChangeView decide(@PathVariable long id, @RequestBody @Valid Decision decision, Authentication user) {
        return changes.decide(id, decision.approved(), decision.comment(), user.getName());
    }
}
