package com.sladesk.maintenance.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.sladesk.maintenance.Activity;
import com.sladesk.maintenance.MaintenanceService;
import com.sladesk.maintenance.MaintenanceType;
import com.sladesk.maintenance.MaintenanceView;
import com.sladesk.maintenance.NewMaintenance;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/maintenance")
class MaintenanceApiController {

    private final MaintenanceService maintenance;
    private final Clock clock;

    MaintenanceApiController(MaintenanceService maintenance, Clock clock) {
        this.maintenance = maintenance;
        this.clock = clock;
    }

    record ScheduleRequest(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
            @NotNull MaintenanceType type, @NotNull Instant startsAt, @NotNull Instant endsAt,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 210) String> components, // codes, or group:<name>
            @NotEmpty List<@NotNull Activity> activities, @Positive Long incidentId) {

        NewMaintenance toCommand() {
            return new NewMaintenance(title, description, type, startsAt, endsAt, components, activities, incidentId);
        }
    }

    record CancelRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record RescheduleRequest(@NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    ResponseEntity<MaintenanceView> schedule(@RequestBody @Valid ScheduleRequest request, Authentication user) {
        MaintenanceView window = maintenance.schedule(request.toCommand(), user.getName());
        return ResponseEntity.created(URI.create("/api/maintenance/" + window.id())).body(window);
    }

    /** Windows overlapping [from, to); by default from 30 days ago to 90 days ahead. */
    @GetMapping
    List<MaintenanceView> list(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        Instant now = clock.instant();
        return maintenance.between(from == null ? now.minus(Duration.ofDays(30)) : from,
                to == null ? now.plus(Duration.ofDays(90)) : to);
    }

    @GetMapping("/{id}")
    MaintenanceView get(@PathVariable long id) {
        return maintenance.find(id);
    }

    @PostMapping("/{id}/cancel")
    MaintenanceView cancel(@PathVariable long id, @RequestBody @Valid CancelRequest request, Authentication user) {
        return maintenance.cancel(id, request.reason().trim(), user.getName());
    }

    @PostMapping("/{id}/reschedule")
    MaintenanceView reschedule(@PathVariable long id, @RequestBody @Valid RescheduleRequest request,
            Authentication user) {
        return maintenance.reschedule(id, request.startsAt(), request.endsAt(), user.getName());
    }
}
