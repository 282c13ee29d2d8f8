package com.sladesk.credit.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.sladesk.credit.Attachment;
import com.sladesk.credit.CreditRequestView;
import com.sladesk.credit.CreditService;
import com.sladesk.credit.CreditStatus;
import com.sladesk.credit.Evidence;
import com.sladesk.system.FieldRuleException;
import com.sladesk.security.SignedInUser;
import com.sladesk.system.ConflictException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.RuleViolationException;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
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
        binder.setAllowedFields("month", "description", "incidentIds");
    }

    /** The claim form, for {@code month} (a month from the portal's table) or last month. */
    @GetMapping("/portal/credits")
    String customerClaims(@AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        ClaimForm form = new ClaimForm();
        YearMonth last = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);
        form.setMonth(month == null || !month.isBefore(last.plusMonths(1)) ? last : month);
        model.addAttribute("claimForm", form);
        return customerPage(user, form.getMonth(), model);
    }

    @PostMapping("/portal/credits")
    String claim(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("claimForm") ClaimForm form,
            BindingResult result, @RequestParam(name = "attachments", required = false) List<MultipartFile> uploads,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                List<Evidence> files = new ArrayList<>();
                for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
                    if (!upload.isEmpty()) {
                        files.add(new Evidence(upload.getOriginalFilename(), upload.getContentType(), upload.getBytes()));
                    }
                }
                CreditRequestView claim = credits.submit(user.organisationId(), form.getMonth(), form.getDescription(),
                        form.getIncidentIds(), files, user.getUsername());
                redirect.addFlashAttribute("message", "Credit request for " + claim.month()
                        + " received; an SRE will verify it within " + credits.terms().decisionBusinessDays()
                        + " business days.");
                return "redirect:/portal/credits/" + claim.id();
            }
            catch (FieldRuleException e) {
                if (e.field().startsWith("attachments")) {
                    // the file input keeps no value, so its message stands beside it, naming the file
                    model.addAttribute("attachmentError", e.getMessage());
                }
                else {
                    result.rejectValue(e.field(), e.rule(), e.getMessage());
                }
            }
            catch (ConflictException e) {
                result.rejectValue("month", "duplicate", e.getMessage());
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return customerPage(user, form.getMonth() == null ? YearMonth.from(clock.instant().atZone(ZoneOffset.UTC))
                .minusMonths(1) : form.getMonth(), model);
    }

    /** A claim's attached file, for its customer or a staff member. */
    @GetMapping("/portal/credits/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> customerAttachment(@PathVariable long id, @PathVariable long attachmentId,
            @AuthenticationPrincipal SignedInUser user) {
        return download(credits.attachment(id, attachmentId, user.organisationId()));
    }

    @GetMapping("/sre/credits/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> sreAttachment(@PathVariable long id, @PathVariable long attachmentId) {
        return download(credits.attachment(id, attachmentId, null));
    }

    static ResponseEntity<byte[]> download(Attachment file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(file.content());
    }

    @GetMapping("/portal/credits/{id}")
    String customerClaim(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        CreditRequestView claim = credits.find(id, user.organisationId());
        model.addAttribute("claim", claim);
        model.addAttribute("breakdown", credits.breakdown(id, user.organisationId()));
        model.addAttribute("terms", credits.terms(user.organisationId(), YearMonth.parse(claim.month())));
        model.addAttribute("invoice", credits.ledger(user.organisationId()).stream()
                .filter(e -> e.creditRequestId() == id).findFirst().orElse(null));
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
        CreditRequestView claim = credits.find(id, null);
        model.addAttribute("claim", claim);
        model.addAttribute("breakdown", credits.breakdown(id, null));
        model.addAttribute("terms", credits.terms(claim.organisationId(), YearMonth.parse(claim.month())));
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

    private String customerPage(SignedInUser user, YearMonth month, Model model) {
        model.addAttribute("terms", credits.terms(user.organisationId(), month));
        model.addAttribute("claims", credits.list(user.organisationId()));
        model.addAttribute("evidence", credits.incidentsOf(user.organisationId(), month));
        model.addAttribute("credits", credits.ledger(user.organisationId()));
        return CUSTOMER_CLAIMS;
    }
}
