package com.sladesk.slo.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import com.sladesk.slo.SloDefinition;
import com.sladesk.slo.SloService;
import com.sladesk.slo.SloStatus;
import com.sladesk.slo.SloView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLOs as code: staff read them, their status and their generated Prometheus rules; SREs and
 * ADMIN create them, give them new versions and retire them, in JSON or as OpenSLO v1 YAML.
 */
@RestController
class SloApiController {

    static final String YAML = "application/yaml";
    static final MediaType YAML_UTF8 = new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8);

    private final SloService slos;

    SloApiController(SloService slos) {
        this.slos = slos;
    }

    /**
     * An SLO. {@code indicator}: {@code good} and {@code total}, {@code bad} and {@code total} (PromQL
     * queries whose values are counters), or {@code histogram} (a bucket series selector) and
     * {@code thresholdSeconds}; {@code target} in percent (0 to 100, both excluded); {@code window}
     * {@code Nd} (rolling, 1 to 90 days) or {@code month}.
     */
    record SloBody(@Size(max = 63) String name, String displayName, String description, @Size(max = 63) String service,
            @Size(max = 50) List<String> components, SloDefinition.Indicator indicator, BigDecimal target, String window,
            Boolean gatesChanges) {

        SloDefinition definition() {
            return new SloDefinition(name, displayName, description, service, components, indicator, target, window,
                    Boolean.TRUE.equals(gatesChanges));
        }
    }

    @GetMapping("/api/slos")
    List<SloView> list() {
        return slos.list();
    }

    @PostMapping("/api/slos")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new SLO", useReturnTypeSchema = true)
    ResponseEntity<SloView> create(@RequestBody SloBody body, Authentication user) {
        SloView created = slos.create(body.definition(), user.getName());
        return ResponseEntity.created(URI.create("/api/slos/" + created.id())).body(created);
    }

    @GetMapping("/api/slos/{id}")
    SloView slo(@PathVariable long id) {
        return slos.find(id);
    }

    /** A new version of the SLO (its name never changes). */
    @PutMapping("/api/slos/{id}")
    SloView change(@PathVariable long id, @RequestBody SloBody body, Authentication user) {
        return slos.change(id, body.definition(), user.getName());
    }

    /** Retires the SLO: it is no longer evaluated, listed or gating; its versions stay. */
    @DeleteMapping("/api/slos/{id}")
    SloView retire(@PathVariable long id, Authentication user) {
        return slos.retire(id, user.getName());
    }

    @GetMapping("/api/slos/{id}/versions")
    List<SloView> versions(@PathVariable long id) {
        return slos.versions(id);
    }

    @GetMapping("/api/slos/{id}/status")
    SloStatus status(@PathVariable long id) {
        return slos.status(id);
    }

    @GetMapping("/api/slos/status")
    @Operation(summary = "The status of every SLO")
    List<SloStatus> statuses() {
        return slos.statuses();
    }

    @GetMapping("/api/slos/{id}/rules.yml")
    @Operation(summary = "Prometheus recording rules and multi-window multi-burn-rate alerts for the SLO")
    ResponseEntity<String> rules(@PathVariable long id) {
        return ResponseEntity.ok().contentType(YAML_UTF8).body(slos.rules(id));
    }

    @GetMapping("/api/slos/openslo")
    @Operation(summary = "Every SLO as OpenSLO v1 documents")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(YAML_UTF8).body(slos.exportOpenSlo(null));
    }

    @GetMapping("/api/slos/{id}/openslo")
    @Operation(summary = "The SLO as an OpenSLO v1 document")
    ResponseEntity<String> exportOne(@PathVariable long id) {
        return ResponseEntity.ok().contentType(YAML_UTF8).body(slos.exportOpenSlo(id));
    }

    /** OpenSLO v1 documents ({@code kind: SLO}): each creates an SLO or a new version of the one with its name; all or none. */
    @PostMapping(value = "/api/slos/openslo", consumes = { YAML, "application/x-yaml", "text/yaml", "text/plain" })
    List<SloView> importOpenSlo(@RequestBody String yaml, Authentication user) {
        return slos.importOpenSlo(yaml, user.getName());
    }
}
