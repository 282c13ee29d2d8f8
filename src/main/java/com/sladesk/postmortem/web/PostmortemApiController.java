package com.sladesk.postmortem.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.sladesk.postmortem.ActionItemView;
import com.sladesk.postmortem.NewActionItem;
import com.sladesk.postmortem.PostmortemDraft;
import com.sladesk.postmortem.PostmortemService;
import com.sladesk.postmortem.PostmortemView;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Postmortems and root-cause analyses, by incident id, and their action items. */
@RestController
class PostmortemApiController {

    static final int TEXT_MAX = 20_000;

    private final PostmortemService postmortems;

    PostmortemApiController(PostmortemService postmortems) {
        this.postmortems = postmortems;
    }

    record Draft(@Size(max = TEXT_MAX) String summary, @Size(max = TEXT_MAX) String customerImpact,
            @Size(max = 40_000) String timeline, @Size(max = TEXT_MAX) String rootCause,
            @Size(max = TEXT_MAX) String contributingFactors, @Size(max = TEXT_MAX) String wentWell) {
        PostmortemDraft toDraft() {
            return new PostmortemDraft(summary, customerImpact, timeline, rootCause, contributingFactors, wentWell);
        }
    }

    record Review(@NotNull Boolean approved, @Size(max = 4000) String comment) {
    }

    record Item(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 64) String owner, @NotNull LocalDate dueOn,
            @Size(max = 500) String link) {
    }

    @GetMapping("/api/postmortems")
    List<PostmortemView> list() {
        return postmortems.list();
    }

    @GetMapping("/api/postmortems/{id}")
    PostmortemView get(@PathVariable("id") long incidentId) {
        return postmortems.find(incidentId);
    }

    /** Rewrites the draft's text (Markdown); fields left out keep theirs. */
    @PutMapping("/api/postmortems/{id}")
    PostmortemView edit(@PathVariable("id") long incidentId, @RequestBody @Valid Draft draft, Authentication user) {
        return postmortems.edit(incidentId, draft.toDraft(), user.getName());
    }

    /** Sends the draft to an SRE lead's review (422 without a root cause or an action item). */
    @PostMapping("/api/postmortems/{id}/submit")
    PostmortemView submit(@PathVariable("id") long incidentId, Authentication user) {
        return postmortems.submit(incidentId, user.getName());
    }

    /** The earlier contract: "the postmortem is written" — it now goes to review. */
    @PostMapping("/api/incidents/{id}/postmortem")
    PostmortemView written(@PathVariable("id") long incidentId, Authentication user) {
        return postmortems.submitWritten(incidentId, user.getName());
    }

    /** An SRE lead approves, or sends back with a comment (403 for anyone not in group sre-lead). */
    @PostMapping("/api/postmortems/{id}/review")
    PostmortemView review(@PathVariable("id") long incidentId, @RequestBody @Valid Review review, Authentication user) {
        return postmortems.review(incidentId, review.approved(), review.comment(), user.getName());
    }

    @PostMapping("/api/postmortems/{id}/action-items")
    @ApiResponse(responseCode = "201", description = "Created; the owner has a task until it is done", useReturnTypeSchema = true)
    ResponseEntity<ActionItemView> addActionItem(@PathVariable("id") long incidentId, @RequestBody @Valid Item item,
            Authentication user) {
        ActionItemView added = postmortems.addActionItem(incidentId,
                new NewActionItem(item.title(), item.owner(), item.dueOn(), item.link()), user.getName());
        return ResponseEntity.created(URI.create("/api/postmortems/" + incidentId)).body(added);
    }

    /** Action items: the caller's own ({@code owner=me}, the default), someone's, or every overdue one ({@code overdue=true}). */
    @GetMapping("/api/postmortems/action-items")
    List<ActionItemView> actionItems(@RequestParam(defaultValue = "me") String owner,
            @RequestParam(defaultValue = "false") boolean overdue, Authentication user) {
        if (overdue) {
            return postmortems.overdueActionItems();
        }
        return postmortems.actionItemsOf("me".equals(owner) ? user.getName() : owner);
    }

    @PostMapping("/api/postmortems/action-items/{id}/done")
    ActionItemView done(@PathVariable("id") long itemId, Authentication user) {
        return postmortems.completeActionItem(itemId, user.getName(), isSre(user));
    }

    static boolean isSre(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SRE"));
    }
}
