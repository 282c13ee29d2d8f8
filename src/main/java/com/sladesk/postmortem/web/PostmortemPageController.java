package com.sladesk.postmortem.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.sladesk.postmortem.Markdown;
import com.sladesk.postmortem.NewActionItem;
import com.sladesk.postmortem.PostmortemDraft;
import com.sladesk.postmortem.PostmortemService;
import com.sladesk.postmortem.PostmortemStatus;
import com.sladesk.postmortem.PostmortemView;
import com.sladesk.system.ConflictException;
import com.sladesk.system.FieldRuleException;
import com.sladesk.system.ForbiddenException;
import com.sladesk.system.PdfDocument;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The postmortem pages: the list with the signed-in person's action items, one page per
 * postmortem (the document rendered from Markdown, its action items, the SREs' edit form and the
 * SRE lead's review), and its PDF.
 */
@Controller
class PostmortemPageController {

    private final PostmortemService postmortems;
    private final TemplateEngine templates;

    PostmortemPageController(PostmortemService postmortems, TemplateEngine templates) {
        this.postmortems = postmortems;
        this.templates = templates;
    }

    @GetMapping("/postmortems")
    String list(Model model, Authentication user) {
        model.addAttribute("postmortems", postmortems.list());
        model.addAttribute("mine", postmortems.actionItemsOf(user.getName()));
        model.addAttribute("overdue", postmortems.overdueActionItems());
        return "postmortem/list";
    }

    @GetMapping("/postmortems/{id:\\d+}")
    String page(@PathVariable("id") long incidentId, Model model, Authentication user) {
        PostmortemView postmortem = postmortems.find(incidentId);
        model.addAttribute("postmortem", postmortem);
        model.addAttribute("html", sections(postmortem));
        model.addAttribute("mayReview", postmortem.status() == PostmortemStatus.IN_REVIEW
                && postmortems.mayReview(incidentId, user.getName()));
        return "postmortem/detail";
    }

    @GetMapping("/postmortems/{id:\\d+}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable("id") long incidentId) {
        PostmortemView postmortem = postmortems.find(incidentId);
        Context context = new Context(Locale.ENGLISH, Map.of("postmortem", postmortem, "html", sections(postmortem)));
        byte[] pdf = PdfDocument.render(templates.process("postmortem/pdf", context), "postmortem");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=postmortem-" + incidentId + ".pdf").body(pdf);
    }

    @GetMapping("/postmortems/action-items/{id:\\d+}")
    String actionItem(@PathVariable("id") long itemId) {
        return "redirect:/postmortems/" + postmortems.incidentOfActionItem(itemId) + "#item-" + itemId;
    }

    @PostMapping("/postmortems/{id:\\d+}")
    String edit(@PathVariable("id") long incidentId, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String customerImpact, @RequestParam(required = false) String timeline,
            @RequestParam(required = false) String rootCause, @RequestParam(required = false) String contributingFactors,
            @RequestParam(required = false) String wentWell, Authentication user, RedirectAttributes redirect) {
        return act(incidentId, redirect, "Saved.", () -> postmortems.edit(incidentId,
                new PostmortemDraft(summary, customerImpact, timeline, rootCause, contributingFactors, wentWell),
                user.getName()));
    }

    @PostMapping("/postmortems/{id:\\d+}/submit")
    String submit(@PathVariable("id") long incidentId, Authentication user, RedirectAttributes redirect) {
        return act(incidentId, redirect, "Sent to an SRE lead's review.", () -> postmortems.submit(incidentId, user.getName()));
    }

    @PostMapping("/postmortems/{id:\\d+}/review")
    String review(@PathVariable("id") long incidentId, @RequestParam boolean approved,
            @RequestParam(required = false) String comment, Authentication user, RedirectAttributes redirect) {
        return act(incidentId, redirect, approved ? "Approved." : "Sent back to the authors.",
                () -> postmortems.review(incidentId, approved, comment, user.getName()));
    }

    @PostMapping("/postmortems/{id:\\d+}/action-items")
    String addActionItem(@PathVariable("id") long incidentId, @RequestParam(required = false) String title,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            @RequestParam(required = false) String link, Authentication user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("item", new NewActionItem(title, owner, dueOn, link));
        return act(incidentId, redirect, "Action item added.", () -> postmortems.addActionItem(incidentId,
                new NewActionItem(title, owner, dueOn, link), user.getName()));
    }

    @PostMapping("/postmortems/action-items/{id:\\d+}/done")
    String done(@PathVariable("id") long itemId, Authentication user, RedirectAttributes redirect) {
        long incidentId = postmortems.incidentOfActionItem(itemId);
        return act(incidentId, redirect, "Action item done.",
                () -> postmortems.completeActionItem(itemId, user.getName(), PostmortemApiController.isSre(user)));
    }

    private String act(long incidentId, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("errors", Map.of(e.field(), e.getMessage()));
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        }
        catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/postmortems/" + incidentId;
    }

    private static Map<String, String> sections(PostmortemView p) {
        Map<String, String> html = new LinkedHashMap<>();
        html.put("summary", Markdown.html(p.summary()));
        html.put("customerImpact", Markdown.html(p.customerImpact()));
        html.put("timeline", Markdown.html(p.timeline()));
        html.put("rootCause", Markdown.html(p.rootCause()));
        html.put("contributingFactors", Markdown.html(p.contributingFactors()));
        html.put("wentWell", Markdown.html(p.wentWell()));
        return html;
    }
}
