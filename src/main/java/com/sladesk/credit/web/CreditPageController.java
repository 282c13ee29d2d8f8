package com.sladesk.credit.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import com.sladesk.credit.CreditRequestView;
import com.sladesk.credit.CreditService;
import com.sladesk.credit.CreditStatus;
import com.sladesk.security.SignedInUser;
import com.sladesk.system.ConflictException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.RuleViolationException;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Customers claim credits and follow them; SREs verify them; SREs and admins read the ledger. */
@Controller
class CreditPageController {

    static final String CUSTOMER_CLAIMS = "credit/customer-claims";
    static final String CUSTOMER_CLAIM = "credit/customer-claim";
    static final String SRE_CLAIMS = "credit/sre-claims";
    static final String SRE_VERIFY = "credit/sre-verify";
    static final String LEDGER = "credit/ledger";

    private final CreditService credits;
    private final Clock clock;

    CreditPageController(CreditService credits, Clock clock) {
        this.credits = credits;
        this.clock = clock;
    }

    @InitBinder("claimForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("month", "description");
    }

    @GetMapping("/portal/credits")
    String customerClaims(@AuthenticationPrincipal SignedInUser user, Model model) {
        ClaimForm form = new ClaimForm();
        form.setMonth(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1));
        model.addAttribute("claimForm", form);
        return customerPage(user, model);
    }

    @PostMapping("/portal/credits")
    String claim(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("claimForm") ClaimForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                CreditRequestView claim = credits.submit(user.organisationId(), form.getMonth(), form.getDescription(),
                        List.of(), user.getUsername());
                redirect.addFlashAttribute("message", "Credit request for " + claim.month()
                        + " received; an SRE will verify it within " + credits.terms().decisionBusinessDays()
                        + " business days.");
                return "redirect:/portal/credits/" + claim.id();
            }
            catch (RuleViolationException e) {
                result.rejectValue(e.field(), e.rule(), e.getMessage());
            }
            catch (ConflictException e) {
                result.rejectValue("month", "duplicate", e.getMessage());
            }
        }
        return customerPage(user, model);
    }

    @GetMapping("/portal/credits/{id}")
    String customerClaim(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("claim", credits.find(id, user.organisationId()));
        model.addAttribute("breakdown", credits.breakdown(id, user.organisationId()));
        model.addAttribute("terms", credits.terms());
        return CUSTOMER_CLAIM;
    }

    @GetMapping("/sre/credits")
    String sreClaims(Model model) {
        model.addAttribute("claims", credits.list(null).stream()
                .sorted(Comparator.comparing((CreditRequestView c) -> c.status() != CreditStatus.SUBMITTED)
                        .thenComparing(CreditRequestView::submittedAt))
                .toList());
        return SRE_CLAIMS;
    }

    @GetMapping("/sre/credits/{id}")
    String verify(@PathVariable long id, Model model) {
        model.addAttribute("claim", credits.find(id, null));
        model.addAttribute("breakdown", credits.breakdown(id, null));
        model.addAttribute("terms", credits.terms());
        return SRE_VERIFY;
    }

    @PostMapping("/sre/credits/{id}/decision")
    String decide(@PathVariable long id, @RequestParam boolean approved, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            CreditRequestView claim = credits.decide(id, approved, reason, user.getUsername());
            redirect.addFlashAttribute("message", claim.status() == CreditStatus.APPLIED
                    ? "Approved: " + claim.creditAmount() + " " + claim.currency() + " credited on the next invoice."
                    : "Rejected; the customer has been told why.");
        }
        catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sre/credits/" + id;
    }

    @GetMapping("/credits/ledger")
    String ledger(Model model) {
        model.addAttribute("entries", credits.ledger());
        return LEDGER;
    }

    private String customerPage(SignedInUser user, Model model) {
        model.addAttribute("terms", credits.terms());
        model.addAttribute("claims", credits.list(user.organisationId()));
        return CUSTOMER_CLAIMS;
    }
}
