package com.sladesk.incident.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentStatus;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.system.AnswerCache;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/incidents")
@Validated
class IncidentApiController {

    private final IncidentService incidents;
    private final ObjectMapper json;
    /**
     * The list as JSON, per query, until an incident changes (and at most a second, for changes
     * made on another node): SREs' consoles poll it, and under load it was the dearest read
     * (docs/performance.md). Concurrent requests for the same list wait for one build.
     */
    private final AnswerCache<List<Object>, byte[]> lists;
    /** Each listed incident's JSON, by id, with the version it was read at (see {@link #build}). */
    private final ConcurrentHashMap<Long, KeptIncident> kept = new ConcurrentHashMap<>();
    private final long keptFor;
    static final int MAX_KEPT = 5_000;

    private record KeptIncident(long version, long readAt, byte[] json) {
    }

    IncidentApiController(IncidentService incidents, ObjectMapper json,
            @Value("${sladesk.cache.list-max-age:1s}") Duration listMaxAge) {
        this.incidents = incidents;
        this.json = json;
        this.lists = new AnswerCache<>(listMaxAge, 256);
        this.keptFor = listMaxAge.toNanos();
    }

    record OpenIncidentRequest(@NotBlank @Size(max = 200) String title, @Size(max = 10000) String description,
            @NotNull Severity severity, @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> components,
            @NotNull Environment environment, @NotNull Impact impact, Instant openedAt, Instant resolvedAt,
            Cause cause) {
    }

    record ResolveRequest(Instant resolvedAt, @NotNull Cause cause) {
    }

    record SeverityRequest(@NotNull Severity severity) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    ResponseEntity<IncidentView> open(@RequestBody @Valid OpenIncidentRequest request, Authentication user) {
        NewIncident command = new NewIncident(request.title(), request.description(), request.severity(),
                request.components(), request.environment(), request.impact(), request.openedAt(), null);
        if (request.resolvedAt() == null && request.cause() != null) {
            throw new InvalidInputException("cause", "resolvedAt", "is given only with resolvedAt (a back-filled incident)");
        }
        if (request.resolvedAt() != null && request.cause() == null) {
            throw new InvalidInputException("cause", "required", "must be given with resolvedAt (a back-filled incident)");
        }
        IncidentView incident = request.resolvedAt() == null ? incidents.open(command, user.getName())
                : incidents.backfill(command, request.resolvedAt(), request.cause(), user.getName());
        return ResponseEntity.created(URI.create("/api/incidents/" + incident.id())).body(incident);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = IncidentView.class))))
    ResponseEntity<byte[]> list(@RequestParam(required = false) List<IncidentStatus> status,
            @RequestParam(required = false) Severity severity,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        List<IncidentStatus> statuses = status == null ? List.of() : status.stream().distinct().sorted().toList();
        byte[] body = lists.get(java.util.Arrays.asList(statuses, severity, limit), IncidentService.dataVersion(),
                () -> build(statuses, severity, limit));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * The list's JSON from each incident's JSON as last read at its version: the list is rebuilt at
     * every change (a hundred times a second under the bench's writes), but one change is one incident,
     * so a rebuild reads the ids and versions (two columns), reads and serialises only the incidents
     * that changed, and joins the rest's kept bytes. An incident's bytes are read again after
     * {@code listMaxAge} even at the same version, as the whole list was (a change by hand in the database).
     */
    private byte[] build(List<IncidentStatus> statuses, Severity severity, int limit) {
        List<IncidentService.Stamp> stamps = incidents.listStamps(statuses, severity, limit);
        long now = System.nanoTime();
        Map<Long, KeptIncident> parts = new HashMap<>();
        List<Long> stale = new ArrayList<>();
        for (IncidentService.Stamp stamp : stamps) {
            KeptIncident k = kept.get(stamp.id());
            if (k != null && k.version() == stamp.version() && now - k.readAt() < keptFor) {
                parts.put(stamp.id(), k);
            }
            else {
                stale.add(stamp.id());
            }
        }
        if (!stale.isEmpty()) {
            if (kept.size() + stale.size() > MAX_KEPT) {
                kept.clear();
            }
            for (IncidentService.VersionedView v : incidents.views(stale)) {
                KeptIncident k = new KeptIncident(v.version(), now, bytes(v.view()));
                if (keptFor > 0) { // with lists not kept (max age 0), nothing is kept here either
                    kept.put(v.view().id(), k);
                }
                parts.put(v.view().id(), k);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stamps.size() * 1024 + 2);
        out.write('[');
        boolean first = true;
        for (IncidentService.Stamp stamp : stamps) {
            KeptIncident k = parts.get(stamp.id());
            if (k == null) {
                continue; // deleted between the two reads
            }
            if (!first) {
                out.write(',');
            }
            out.writeBytes(k.json());
            first = false;
        }
        out.write(']');
        return out.toByteArray();
    }

    private byte[] bytes(IncidentView view) {
        try {
            return json.writeValueAsBytes(view);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/{id}")
    IncidentView get(@PathVariable long id) {
        return incidents.find(id).orElseThrow(() -> new NotFoundException("Incident", id));
    }

    @PostMapping("/{id}/acknowledge")
    IncidentView acknowledge(@PathVariable long id, Authentication user) {
        return incidents.acknowledge(id, user.getName());
    }

    @PostMapping("/{id}/resolve")
    IncidentView resolve(@PathVariable long id, @RequestBody @Valid ResolveRequest request, Authentication user) {
        return incidents.resolve(id, request.resolvedAt(), request.cause(), user.getName());
    }

    @PostMapping("/{id}/severity")
    IncidentView severity(@PathVariable long id, @RequestBody @Valid SeverityRequest request, Authentication user) {
        return incidents.changeSeverity(id, request.severity(), user.getName());
    }

    @PostMapping("/{id}/pause")
    IncidentView pause(@PathVariable long id, Authentication user) {
        return incidents.pause(id, user.getName());
    }

    @PostMapping("/{id}/resume")
    IncidentView resume(@PathVariable long id, Authentication user) {
        return incidents.resume(id, user.getName());
    }
}
