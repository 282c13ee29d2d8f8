package com.sladesk.contract.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.sladesk.contract.PlanDraft;
import com.sladesk.contract.SlaPlans;
import com.sladesk.contract.Tier;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationInfo;
import com.sladesk.system.FieldRuleException;
import com.sladesk.system.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plans page: staff read the plans and who is on which; ADMIN creates plans and assigns them. */
@Controller
class PlanPageController {

    static final String PLANS = "contract/plans";

    private final SlaPlans plans;
    private final Directory directory;

    PlanPageController(SlaPlans plans, Directory directory) {
        this.plans = plans;
        this.directory = directory;
    }

    @GetMapping("/plans")
    String read(Model model) {
        return page(model, false);
    }

    @GetMapping("/admin/plans")
    String manage(Model model) {
        return page(model, true);
    }

    private String page(Model model, boolean admin) {
        List<OrganisationInfo> organisations = directory.allOrganisations();
        model.addAttribute("plans", plans.plans());
        model.addAttribute("organisations", organisations);
        model.addAttribute("assignments", organisations.stream().map(o -> new OrganisationPlans(o.name(),
                plans.assignments(o.id()))).toList());
        model.addAttribute("admin", admin);
        return PLANS;
    }

    record OrganisationPlans(String organisation, List<SlaPlans.Assignment> history) {
    }

    /** Tiers as typed: "99.95:10, 99.9:25" (below this availability: this credit). */
    @PostMapping("/admin/plans")
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
            @RequestParam(required = false) BigDecimal targetPercent, @RequestParam(required = false) String tiers,
            @RequestParam(required = false) Integer claimWindowDays, @RequestParam(defaultValue = "false") boolean automaticCredits,
            Authentication user, RedirectAttributes redirect) {
        try {
            plans.create(new PlanDraft(code, name, targetPercent, parse(tiers), claimWindowDays, automaticCredits, null),
                    user.getName());
            redirect.addFlashAttribute("message", "Plan " + code + " created.");
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        }
        return "redirect:/admin/plans";
    }

    @PostMapping("/admin/plans/assignments")
    String assign(@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String planCode,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth effectiveFrom,
            Authentication user, RedirectAttributes redirect) {
        try {
            if (organisationId == null) {
                throw new InvalidInputException("organisationId", "required", "choose an organisation");
            }
            plans.assign(organisationId, planCode, effectiveFrom, user.getName());
            redirect.addFlashAttribute("message", "Plan " + planCode + " from " + effectiveFrom + ".");
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        }
        return "redirect:/admin/plans";
    }

    static List<Tier> parse(String text) {
        List<Tier> tiers = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tiers;
        }
        for (String part : text.split("[,;\\s]+")) {
            String[] pair = part.split(":");
            try {
                tiers.add(new Tier(new BigDecimal(pair[0].trim()), Integer.parseInt(pair[1].trim())));
            }
            catch (RuntimeException e) {
                throw new InvalidInputException("tiers", "format", "write each tier as below:credit, e.g. 99.9:25, 99.0:50");
            }
        }
        return tiers;
    }
}
