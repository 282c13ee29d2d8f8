package com.sladesk.credit.web;

import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.credit.CreditRequestView;
import com.sladesk.credit.CreditService;
import com.sladesk.credit.Evidence;
import com.sladesk.system.AnswerCache;
import com.sladesk.system.InvalidInputException;
import com.sladesk.credit.LedgerEntryView;
import com.sladesk.security.SignedInUser;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CreditApiController {

    private final CreditService credits;
    private final ObjectMapper json;
    /**
     * Each organisation's claim list (and staff's whole list) as JSON, until a claim changes (and
     * at most a second, for changes made on another node): concurrent requests wait for one build.
     */
    private final AnswerCache<Long, byte[]> lists;

    CreditApiController(CreditService credits, ObjectMapper json,
            @Value("${sladesk.cache.list-max-age:1s}") Duration listMaxAge) {
        this.credits = credits;
        this.json = json;
        this.lists = new AnswerCache<>(listMaxAge, 1000);
    }

    /** Evidence in JSON: the file's name, its type and its bytes in base64 (type checked by content). */
    record AttachmentBody(@NotBlank @Size(max = 200) String filename, @Size(max = 100) String contentType,
            @NotNull String contentBase64) {
    }

    record ClaimRequest(@NotNull YearMonth month, @NotBlank @Size(max = 4000) String description,
            @Size(max = 50) List<@NotNull @Positive Long> incidentIds, List<@NotNull @Valid AttachmentBody> attachments) {
    }

    record DecisionRequest(@NotNull Boolean approved, @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/credit-requests")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    ResponseEntity<CreditRequestView> claim(@RequestBody @Valid ClaimRequest request,
            @AuthenticationPrincipal SignedInUser user) {
        List<Evidence> files = new java.util.ArrayList<>();
        for (AttachmentBody a : request.attachments() == null ? List.<AttachmentBody>of() : request.attachments()) {
            byte[] bytes;
            try {
                bytes = java.util.Base64.getDecoder().decode(a.contentBase64());
            }
            catch (IllegalArgumentException e) {
                throw new InvalidInputException("attachments[" + a.filename() + "]", "base64", "contentBase64 is not base64");
            }
            files.add(new Evidence(a.filename(), a.contentType(), bytes));
        }
        CreditRequestView claim = credits.submit(user.organisationId(), request.month(), request.description(),
                request.incidentIds(), files, user.getUsername());
        return ResponseEntity.created(URI.create("/api/credit-requests/" + claim.id())).body(claim);
    }

    @GetMapping(path = "/api/credit-requests", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = CreditRequestView.class))))
    ResponseEntity<byte[]> list(@AuthenticationPrincipal SignedInUser user) {
        Long scope = scope(user);
        byte[] body = lists.get(scope, CreditService.dataVersion(), () -> {
            try {
                return json.writeValueAsBytes(credits.list(scope));
            }
            catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/api/credit-requests/{id}")
    CreditRequestView get(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return credits.find(id, scope(user));
    }

    @PostMapping("/api/credit-requests/{id}/decision")
    CreditRequestView decide(@PathVariable long id, @RequestBody @Valid DecisionRequest request,
            @AuthenticationPrincipal SignedInUser user) {
        return credits.decide(id, request.approved(), request.reason(), user.getUsername());
    }

    /** An attached file (the customer's own claim, or any for staff). */
    @GetMapping("/api/credit-requests/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId,
            @AuthenticationPrincipal SignedInUser user) {
        return CreditPageController.download(credits.attachment(id, attachmentId, scope(user)));
    }

    @GetMapping("/api/credit-ledger")
    List<LedgerEntryView> ledger() {
        return credits.ledger();
    }

    /** Customers see their own organisation's claims only. */
    private static Long scope(SignedInUser user) {
        return user.isCustomer() ? user.organisationId() : null;
    }
}
