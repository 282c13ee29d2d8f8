package com.sladesk.calibration.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sladesk.availability.SlaPolicyVersion;
import com.sladesk.calibration.Adjustment;
import com.sladesk.calibration.CalibrationService;
import com.sladesk.calibration.CalibrationView;
import com.sladesk.system.ConflictException;
import com.sladesk.system.FieldRuleException;
import com.sladesk.system.ForbiddenException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SLA policy's versions and the annual calibrations: a page and the API. */
@Controller
class CalibrationController {

    private final CalibrationService calibrations;

    CalibrationController(CalibrationService calibrations) {
        this.calibrations = calibrations;
    }

    record Request(@NotNull Integer year) {
    }

    record Review(BigDecimal targetPercent, BigDecimal reducedAtPercent, BigDecimal freezeBelowPercent,
            Map<String, String> responseTargets, LocalDate effectiveFrom, @Size(max = 4000) String comment) {
    }

    record Decision(@NotNull Boolean approved, @Size(max = 4000) String comment) {
    }

    @GetMapping("/api/policy-versions")
    @ResponseBody
    List<SlaPolicyVersion> versions() {
        return calibrations.versions();
    }

    @GetMapping("/api/calibrations")
    @ResponseBody
    List<CalibrationView> list() {
        return calibrations.list();
    }

    /** Starts a calibration of a year now (the process also runs each 15 January for the past year). */
    @PostMapping("/api/calibrations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ResponseBody
    void request(@RequestBody @Valid Request request, Authentication user) {
        calibrations.request(request.year(), user.getName());
    }

    @GetMapping("/api/calibrations/{id}")
    @ResponseBody
    CalibrationView get(@PathVariable long id) {
        return calibrations.find(id);
    }

    @PostMapping("/api/calibrations/{id}/review")
    @ResponseBody
    CalibrationView review(@PathVariable long id, @RequestBody @Valid Review review, Authentication user) {
        return calibrations.review(id, new Adjustment(review.targetPercent(), review.reducedAtPercent(),
                review.freezeBelowPercent(), review.responseTargets(), review.effectiveFrom(), review.comment()), user.getName());
    }

    @PostMapping("/api/calibrations/{id}/approve")
    @ResponseBody
    CalibrationView approve(@PathVariable long id, @RequestBody @Valid Decision decision, Authentication user) {
        return calibrations.decide(id, decision.approved(), decision.comment(), user.getName());
    }

    @GetMapping("/calibration")
    String page(Model model, Authentication user) {
        List<CalibrationView> all = calibrations.list();
        Map<Long, String> steps = new LinkedHashMap<>();
        all.forEach(c -> {
            String step = calibrations.stepFor(c.id(), user.getName());
            if (step != null) {
                steps.put(c.id(), step);
            }
        });
        model.addAttribute("versions", calibrations.versions());
        model.addAttribute("calibrations", all);
        model.addAttribute("steps", steps);
        return "calibration/page";
    }

    @PostMapping("/calibration")
    String start(@RequestParam(required = false) Integer year, Authentication user, RedirectAttributes redirect) {
        return act(redirect, "Calibration of " + year + " started: the proposal waits for an SRE lead.",
                () -> calibrations.request(year == null ? 0 : year, user.getName()));
    }

    @PostMapping("/calibration/{id}/review")
    String reviewForm(@PathVariable long id, @RequestParam(required = false) BigDecimal targetPercent,
            @RequestParam(required = false) BigDecimal reducedAtPercent,
            @RequestParam(required = false) BigDecimal freezeBelowPercent,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) String comment, Authentication user, RedirectAttributes redirect) {
        return act(redirect, "Reviewed: the calibration waits for VP Engineering.", () -> calibrations.review(id,
                new Adjustment(targetPercent, reducedAtPercent, freezeBelowPercent, null, effectiveFrom, comment),
                user.getName()));
    }

    @PostMapping("/calibration/{id}/approve")
    String approveForm(@PathVariable long id, @RequestParam boolean approved, @RequestParam(required = false) String comment,
            Authentication user, RedirectAttributes redirect) {
        return act(redirect, approved ? "Approved: a new version of the SLA policy." : "Rejected: the policy is unchanged.",
                () -> calibrations.decide(id, approved, comment, user.getName()));
    }

    private static String act(RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        }
        catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/calibration";
    }
}
