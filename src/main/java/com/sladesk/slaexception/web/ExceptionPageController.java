package com.sladesk.slaexception.web;

import com.sladesk.slaexception.ExceptionView;
import com.sladesk.slaexception.ReviewOutcome;
import com.sladesk.slaexception.SlaExceptionService;
import com.sladesk.system.ConflictException;
import com.sladesk.system.FieldRuleException;
import com.sladesk.system.ForbiddenException;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Exception requests: the form with the four criteria, the detail with its history, review and approval. */
@Controller
class ExceptionPageController {

    static final String LIST = "slaexception/list";
    static final String FORM = "slaexception/form";
    static final String DETAIL = "slaexception/detail";

    private final SlaExceptionService exceptions;

    ExceptionPageController(SlaExceptionService exceptions) {
        this.exceptions = exceptions;
    }

    @GetMapping("/exceptions")
    String list(Model model) {
        model.addAttribute("exceptions", exceptions.list());
        return LIST;
    }

    @GetMapping("/exceptions/new")
    String initCreationForm(Model model) {
        model.addAttribute("exceptionForm", new ExceptionForm());
        return FORM;
    }

    @PostMapping("/exceptions")
    String processCreationForm(@Valid @ModelAttribute("exceptionForm") ExceptionForm form, BindingResult result,
            Authentication user, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            ExceptionView view = exceptions.submit(form.toRequest(), user.getName());
            redirect.addFlashAttribute("message", "Exception request #" + view.id() + " submitted for SRE review.");
            return "redirect:/exceptions/" + view.id();
        }
        catch (FieldRuleException e) {
            result.rejectValue(ExceptionForm.formField(e.field()), e.rule(), e.getMessage());
            return FORM;
        }
    }

    @GetMapping("/exceptions/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("exception", exceptions.find(id));
        return DETAIL;
    }

    @GetMapping("/exceptions/{id}/edit")
    String initUpdateForm(@PathVariable long id, Model model) {
        model.addAttribute("exceptionForm", ExceptionForm.of(exceptions.find(id)));
        model.addAttribute("editing", id);
        return FORM;
    }

    @PostMapping("/exceptions/{id}/edit")
    String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("exceptionForm") ExceptionForm form,
            BindingResult result, Authentication user, Model model, RedirectAttributes redirect) {
        model.addAttribute("editing", id);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            exceptions.resubmit(id, form.toRequest(), user.getName());
            redirect.addFlashAttribute("message", "Resubmitted for SRE review.");
            return "redirect:/exceptions/" + id;
        }
        catch (FieldRuleException e) {
            result.rejectValue(ExceptionForm.formField(e.field()), e.rule(), e.getMessage());
            return FORM;
        }
        catch (ForbiddenException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/exceptions/" + id;
        }
    }

    @PostMapping("/exceptions/{id}/review")
    String review(@PathVariable long id, @RequestParam String outcome, @RequestParam(required = false) String comment,
            Authentication user, RedirectAttributes redirect) {
        ReviewOutcome reviewed = ReviewOutcome.of(outcome);
        if (reviewed == null) {
            redirect.addFlashAttribute("error", "Outcome must be approve, changes or reject.");
            return "redirect:/exceptions/" + id;
        }
        return act(id, redirect, () -> exceptions.review(id, reviewed, comment, user.getName()), "Review recorded.");
    }

    @PostMapping("/exceptions/{id}/approve")
    String approve(@PathVariable long id, @RequestParam boolean approved, @RequestParam(required = false) String comment,
            Authentication user, RedirectAttributes redirect) {
        return act(id, redirect, () -> exceptions.approve(id, approved, comment, user.getName()),
                approved ? "Approved." : "Rejected.");
    }

    private String act(long id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        }
        catch (ForbiddenException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        }
        return "redirect:/exceptions/" + id;
    }
}
