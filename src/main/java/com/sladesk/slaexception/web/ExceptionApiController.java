package com.sladesk.slaexception.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.sladesk.slaexception.ExceptionRequest;
import com.sladesk.slaexception.ExceptionView;
import com.sladesk.slaexception.ReviewOutcome;
import com.sladesk.slaexception.SlaExceptionService;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/exceptions")
class ExceptionApiController {

    private final SlaExceptionService exceptions;

    ExceptionApiController(SlaExceptionService exceptions) {
        this.exceptions = exceptions;
    }

    record Criterion(@NotNull Boolean answer, @Size(max = 2000) String comment) {
        ExceptionRequest.Criterion toCriterion() {
            return new ExceptionRequest.Criterion(answer, comment);
        }
    }

    record Criteria(@NotNull @Valid Criterion criticalBusinessNeed, @NotNull @Valid Criterion temporaryWorkaround,
            @NotNull @Valid Criterion customerImpactMinimal, @NotNull @Valid Criterion clearTimeline) {
    }

    /** What the exception exempts once approved (all optional). */
    record Scope(@Size(max = 50) List<@NotBlank @Size(max = 64) String> components, @Size(max = 200) List<@NotNull Long> incidentIds,
            java.time.Instant windowStart, java.time.Instant windowEnd,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> changeTitles) {
        ExceptionRequest.Scope toScope() {
            return new ExceptionRequest.Scope(components, incidentIds, windowStart, windowEnd, changeTitles);
        }
    }

    record Submission(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String justification,
            @NotBlank @Size(max = 4000) String riskAssessment, @NotBlank @Size(max = 4000) String mitigationPlan,
            @NotNull @Valid Criteria criteria, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @Valid Scope scope) {

        ExceptionRequest toRequest() {
            return new ExceptionRequest(title, justification, riskAssessment, mitigationPlan,
                    criteria.criticalBusinessNeed().toCriterion(), criteria.temporaryWorkaround().toCriterion(),
                    criteria.customerImpactMinimal().toCriterion(), criteria.clearTimeline().toCriterion(), startsOn,
                    endsOn, scope == null ? ExceptionRequest.Scope.NONE : scope.toScope());
        }
    }

    record Review(@NotNull @Pattern(regexp = "approve|changes|reject", message = "must be approve, changes or reject")
            String outcome, @Size(max = 4000) String comment) {
    }

    record Approval(@NotNull Boolean approved, @Size(max = 4000) String comment) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    ResponseEntity<ExceptionView> submit(@RequestBody @Valid Submission submission, Authentication user) {
        ExceptionView view = exceptions.submit(submission.toRequest(), user.getName());
        return ResponseEntity.created(URI.create("/api/exceptions/" + view.id())).body(view);
    }

    @GetMapping
    List<ExceptionView> list() {
        return exceptions.list();
    }

    @GetMapping("/{id}")
    ExceptionView get(@PathVariable long id) {
        return exceptions.find(id);
    }

    /** The requester's revision of a request sent back for changes. */
    @PutMapping("/{id}")
    ExceptionView resubmit(@PathVariable long id, @RequestBody @Valid Submission submission, Authentication user) {
        return exceptions.resubmit(id, submission.toRequest(), user.getName());
    }

    @PostMapping("/{id}/review")
    ExceptionView review(@PathVariable long id, @RequestBody @Valid Review review, Authentication user) {
        return exceptions.review(id, ReviewOutcome.of(review.outcome()), review.comment(), user.getName());
    }

    @PostMapping("/{id}/approve")
    ExceptionView approve(@PathVariable long id, @RequestBody @Valid Approval approval, Authentication user) {
        return exceptions.approve(id, approval.approved(), approval.comment(), user.getName());
    }
}
