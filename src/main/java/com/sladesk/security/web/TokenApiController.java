package com.sladesk.security.web;

import java.net.URI;
import java.util.List;

import com.sladesk.security.ApiTokens;
import com.sladesk.security.TokenView;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens: everyone's own personal tokens under {@code /api/tokens}, and under
 * {@code /api/admin/tokens} ADMIN's service tokens and every token to revoke. The secret is in
 * the answer to the creation only.
 */
@RestController
class TokenApiController {

    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** {@code expiresInDays}: 1 to 365, 90 when unset; {@code scopes}: read, incidents:write, changes:write, slos:write. */
    record TokenBody(@Size(max = 60) String name, @Size(max = 3) List<@Size(max = 20) String> scopes,
            Integer expiresInDays) {
    }

    @GetMapping("/api/tokens")
    List<TokenView> own(Authentication user) {
        return tokens.ownTokens(user.getName());
    }

    @PostMapping("/api/tokens")
    @ApiResponse(responseCode = "201", description = "Created; the secret is shown in this answer only",
            useReturnTypeSchema = true)
    ResponseEntity<ApiTokens.CreatedToken> create(@RequestBody @Valid TokenBody body, Authentication user) {
        var created = tokens.createPersonal(user.getName(), body.name(), body.scopes(), body.expiresInDays());
        return ResponseEntity.created(URI.create("/api/tokens/" + created.token().id())).body(created);
    }

    @PostMapping("/api/tokens/{id}/revoke")
    TokenView revokeOwn(@PathVariable long id, Authentication user) {
        return tokens.revokeOwn(user.getName(), id);
    }

    @GetMapping("/api/admin/tokens")
    List<TokenView> all() {
        return tokens.allTokens();
    }

    @PostMapping("/api/admin/tokens")
    @ApiResponse(responseCode = "201", description = "Created; the secret is shown in this answer only",
            useReturnTypeSchema = true)
    ResponseEntity<ApiTokens.CreatedToken> createService(@RequestBody @Valid TokenBody body, Authentication user) {
        var created = tokens.createService(user.getName(), body.name(), body.scopes(), body.expiresInDays());
        return ResponseEntity.created(URI.create("/api/admin/tokens/" + created.token().id())).body(created);
    }

    @PostMapping("/api/admin/tokens/{id}/revoke")
    TokenView revoke(@PathVariable long id, Authentication user) {
        return tokens.revoke(id, user.getName());
    }
}
