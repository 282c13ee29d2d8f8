package com.sladesk.budget.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.BudgetPolicy;
import com.sladesk.budget.BurnEpisode;
import com.sladesk.budget.BurnRateWatch;
import com.sladesk.budget.ReliabilityRoutines;
import com.sladesk.system.ConflictException;
import com.sladesk.system.ProcessSteps;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The error-budget policy page and its JSON: the month's tier and burn rates, the burn-rate
 * freeze and page (active and past episodes), and the recovery checklist's open actions.
 */
@Controller
class BudgetController {

    private final AvailabilityService availability;
    private final BurnRateWatch burnRates;
    private final ReliabilityRoutines routines;
    private final Clock clock;

    BudgetController(AvailabilityService availability, BurnRateWatch burnRates, ReliabilityRoutines routines, Clock clock) {
        this.availability = availability;
        this.burnRates = burnRates;
        this.routines = routines;
        this.clock = clock;
    }

    /** The month's tier, the active freeze and page, the last 50 episodes and each month's open recovery actions. */
    record BudgetState(AvailabilityReport month, BurnEpisode activeFreeze, BurnEpisode activePage,
            boolean reliabilitySprint, List<BurnEpisode> episodes, Map<String, List<String>> openRecoveryActions) {
    }

    @GetMapping("/api/budget")
    @ResponseBody
    BudgetState state() {
        return state(openRecoveryTasks());
    }

    @GetMapping("/budget")
    String page(Model model) {
        Map<String, List<ProcessSteps.OpenTask>> tasks = openRecoveryTasks();
        BudgetState state = state(tasks);
        model.addAttribute("state", state);
        model.addAttribute("budget", state.month());
        model.addAttribute("recovery", tasks);
        return "budget/page";
    }

    /** Each month whose recovery checklist was started, newest first, with its open actions (one query a month). */
    private Map<String, List<ProcessSteps.OpenTask>> openRecoveryTasks() {
        Map<String, List<ProcessSteps.OpenTask>> tasks = new LinkedHashMap<>();
        for (Map<String, Object> r : burnRates.recoveries()) {
            String month = String.valueOf(r.get("budget_month"));
            tasks.put(month, routines.recoveryTasks(month));
        }
        return tasks;
    }

    private BudgetState state(Map<String, List<ProcessSteps.OpenTask>> tasks) {
        AvailabilityReport month = availability.monthAndRollingToShow(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))
                .month();
        Map<String, List<String>> open = new LinkedHashMap<>();
        tasks.forEach((m, list) -> open.put(m, list.stream().map(ProcessSteps.OpenTask::name).toList()));
        return new BudgetState(month, burnRates.activeFreeze().orElse(null), burnRates.activePage().orElse(null),
                month.policy() == BudgetPolicy.EXHAUSTED, burnRates.episodes(50), open);
    }

    @PostMapping("/budget/recovery/{month:\\d{4}-\\d{2}}/{id}")
    String done(@PathVariable String month, @PathVariable("id") String task, Authentication user, RedirectAttributes redirect) {
        try {
            routines.completeRecoveryTask(month, task, user.getName());
            redirect.addFlashAttribute("message", "Recovery action done.");
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/budget";
    }
}
