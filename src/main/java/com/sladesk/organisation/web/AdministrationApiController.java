package com.sladesk.organisation.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationAdmin;
import com.sladesk.organisation.OrganisationDraft;
import com.sladesk.organisation.OrganisationInfo;
import com.sladesk.organisation.Role;
import com.sladesk.organisation.UserAdmin;
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

/** Organisations and users for ADMIN: the same services the administration pages use. */
@RestController
class AdministrationApiController {

    private final Directory directory;
    private final OrganisationAdmin organisations;
    private final UserAdmin users;

    AdministrationApiController(Directory directory, OrganisationAdmin organisations, UserAdmin users) {
        this.directory = directory;
        this.organisations = organisations;
        this.users = users;
    }

    /** An organisation as typed; every field is checked by the service, which names the one it refuses. */
    record OrganisationBody(@Size(max = 200) String name, BigDecimal monthlyFee, @Size(max = 3) String currency,
            @Size(max = 320) String noticeEmail, @Size(max = 320) String billingEmail,
            @Size(max = 100) List<@Size(max = 64) String> components) {

        OrganisationDraft draft() {
            return new OrganisationDraft(name, monthlyFee, currency, noticeEmail, billingEmail, components);
        }
    }

    record InvitationBody(@Size(max = 320) String email, Role role, Long organisationId, @Size(max = 64) String username) {
    }

    record UserChangeBody(Role role, Long organisationId) {
    }

    @GetMapping("/api/admin/organisations")
    List<OrganisationInfo> organisations() {
        return directory.allOrganisations();
    }

    @PostMapping("/api/admin/organisations")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    ResponseEntity<OrganisationInfo> createOrganisation(@RequestBody @Valid OrganisationBody body, Authentication user) {
        OrganisationInfo created = organisations.create(body.draft(), user.getName());
        return ResponseEntity.created(URI.create("/api/admin/organisations/" + created.id())).body(created);
    }

    @GetMapping("/api/admin/organisations/{id}")
    OrganisationInfo organisation(@PathVariable long id) {
        return directory.findOrganisation(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }

    @PutMapping("/api/admin/organisations/{id}")
    OrganisationInfo replaceOrganisation(@PathVariable long id, @RequestBody @Valid OrganisationBody body,
            Authentication user) {
        return organisations.change(id, body.draft(), user.getName());
    }

    @PatchMapping("/api/admin/organisations/{id}")
    OrganisationInfo patchOrganisation(@PathVariable long id, @RequestBody @Valid OrganisationBody body,
            Authentication user) {
        return organisations.change(id, organisations.merged(id, body.draft()), user.getName());
    }

    @PostMapping("/api/admin/organisations/{id}/deactivate")
    OrganisationInfo deactivateOrganisation(@PathVariable long id, Authentication user) {
        return organisations.deactivate(id, user.getName());
    }

    @GetMapping("/api/admin/users")
    List<UserView> users() {
        return directory.allUsers().stream().map(UserView::of).toList();
    }

    @PostMapping("/api/admin/users")
    @ApiResponse(responseCode = "201", description = "Created and invited by mail; Location names the new record",
            useReturnTypeSchema = true)
    ResponseEntity<UserView> invite(@RequestBody @Valid InvitationBody body, Authentication user) {
        UserView created = UserView.of(users.invite(body.email(), body.role(), body.organisationId(), body.username(),
                user.getName()));
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.id())).body(created);
    }

    @GetMapping("/api/admin/users/{id}")
    UserView user(@PathVariable long id) {
        return directory.findUser(id).map(UserView::of).orElseThrow(() -> new NotFoundException("User", id));
    }

    @PutMapping("/api/admin/users/{id}")
    UserView replaceUser(@PathVariable long id, @RequestBody @Valid UserChangeBody body, Authentication user) {
        return UserView.of(users.change(id, body.role(), body.organisationId(), user.getName()));
    }

    /** Unset fields keep their value; a role other than CUSTOMER drops the organisation. */
    @PatchMapping("/api/admin/users/{id}")
    UserView patchUser(@PathVariable long id, @RequestBody @Valid UserChangeBody body, Authentication user) {
        var now = directory.findUser(id).orElseThrow(() -> new NotFoundException("User", id));
        Role role = body.role() != null ? body.role() : now.role();
        Long organisationId = body.organisationId() != null ? body.organisationId()
                : role == Role.CUSTOMER ? now.organisationId() : null;
        return UserView.of(users.change(id, role, organisationId, user.getName()));
    }

    @PostMapping("/api/admin/users/{id}/deactivate")
    UserView deactivateUser(@PathVariable long id, Authentication user) {
        return UserView.of(users.deactivate(id, user.getName()));
    }

    @PostMapping("/api/admin/users/{id}/resend-invitation")
    UserView resend(@PathVariable long id, Authentication user) {
        return UserView.of(users.resendInvitation(id, user.getName()));
    }
}
