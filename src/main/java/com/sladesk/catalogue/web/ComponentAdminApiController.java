package com.sladesk.catalogue.web;

import java.net.URI;
import java.util.List;

import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentDraft;
import com.sladesk.catalogue.ComponentInfo;
import com.sladesk.catalogue.GroupInfo;
import com.sladesk.system.NotFoundException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Components and their groups for ADMIN: codes are immutable, a retired component keeps its history. */
@RestController
class ComponentAdminApiController {

    private final ComponentCatalogue catalogue;

    ComponentAdminApiController(ComponentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record ComponentBody(@Size(max = 64) String code, @Size(max = 200) String name,
            @Size(max = 1000) String description, Boolean beta, @Size(max = 200) String group) {

        ComponentDraft draft() {
            return new ComponentDraft(code, name, description, Boolean.TRUE.equals(beta), group);
        }
    }

    record GroupBody(@Size(max = 200) String name) {
    }

    @GetMapping("/api/admin/components")
    List<ComponentInfo> components() {
        return catalogue.all();
    }

    @PostMapping("/api/admin/components")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    ResponseEntity<ComponentInfo> create(@RequestBody @Valid ComponentBody body, Authentication user) {
        ComponentInfo created = catalogue.create(body.draft(), user.getName());
        return ResponseEntity.created(URI.create("/api/admin/components/" + created.code())).body(created);
    }

    @GetMapping("/api/admin/components/{code}")
    ComponentInfo component(@PathVariable String code) {
        return catalogue.findByCode(code).orElseThrow(() -> new NotFoundException("Component", code));
    }

    @PutMapping("/api/admin/components/{code}")
    ComponentInfo replace(@PathVariable String code, @RequestBody @Valid ComponentBody body, Authentication user) {
        return catalogue.change(code, body.draft(), user.getName());
    }

    /** Unset fields keep their value. */
    @PatchMapping("/api/admin/components/{code}")
    ComponentInfo patch(@PathVariable String code, @RequestBody @Valid ComponentBody body, Authentication user) {
        ComponentInfo now = component(code);
        return catalogue.change(code, new ComponentDraft(body.code(), body.name() != null ? body.name() : now.name(),
                body.description() != null ? body.description() : now.description(),
                body.beta() != null ? body.beta() : now.beta(), body.group() != null ? body.group() : now.group()),
                user.getName());
    }

    @PostMapping("/api/admin/components/{code}/retire")
    ComponentInfo retire(@PathVariable String code, Authentication user) {
        return catalogue.retire(code, user.getName());
    }

    @GetMapping("/api/admin/component-groups")
    List<GroupInfo> groups() {
        return catalogue.groups();
    }

    @PostMapping("/api/admin/component-groups")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    ResponseEntity<GroupInfo> createGroup(@RequestBody @Valid GroupBody body, Authentication user) {
        GroupInfo created = catalogue.createGroup(body.name(), user.getName());
        return ResponseEntity.created(URI.create("/api/admin/component-groups/" + created.id())).body(created);
    }

    @PutMapping("/api/admin/component-groups/{id}")
    GroupInfo renameGroup(@PathVariable long id, @RequestBody @Valid GroupBody body, Authentication user) {
        return catalogue.renameGroup(id, body.name(), user.getName());
    }
}
