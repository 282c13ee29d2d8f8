package com.sladesk.budget;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.BudgetPolicy;
import com.sladesk.calendar.BusinessCalendar;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentStatus;
import com.sladesk.incident.IncidentView;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import com.sladesk.postmortem.ActionItemView;
import com.sladesk.postmortem.PostmortemService;
import com.sladesk.system.ProcessSteps;
import com.sladesk.system.TaskForm;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The FREEZE tier's routines: the daily stand-up (process {@code reliability-standup}, its time
 * read by the model from {@code system/ProcessSchedules}) and the recovery checklist's tasks.
 */
@Component
public class ReliabilityRoutines {

    private final BudgetProperties properties;
    private final AvailabilityService availability;
    private final BusinessCalendar calendar;
    private final IncidentService incidents;
    private final PostmortemService postmortems;
    private final Notifications notifications;
    private final Directory directory;
    private final ProcessSteps process;
    private final Clock clock;

    ReliabilityRoutines(BudgetProperties properties, AvailabilityService availability, BusinessCalendar calendar,
            IncidentService incidents, PostmortemService postmortems, Notifications notifications, Directory directory,
            ProcessSteps process, Clock clock) {
        this.properties = properties;
        this.availability = availability;
        this.calendar = calendar;
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.notifications = notifications;
        this.directory = directory;
        this.process = process;
        this.clock = clock;
    }

    /** A business day (holidays excluded) while the month's tier is FREEZE or EXHAUSTED. */
    boolean standupNeeded() {
        Instant now = clock.instant();
        BudgetPolicy tier = availability.month(YearMonth.from(now.atZone(ZoneOffset.UTC))).policy();
        return calendar.isWorkingDay(LocalDate.ofInstant(now, ZoneOffset.UTC))
                && (tier == BudgetPolicy.FREEZE || tier == BudgetPolicy.EXHAUSTED);
    }

    void sendStandup() {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        AvailabilityReport report = availability.month(month);
        List<IncidentView> open = incidents.list(List.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED), null, 50);
        List<ActionItemView> overdue = postmortems.overdueActionItems();
        String subject = "Daily reliability stand-up " + LocalDate.ofInstant(now, ZoneOffset.UTC) + ": tier "
                + report.policy() + ", " + report.errorBudgetRemainingPercent().toPlainString() + "% of the budget left";
        List<String> lines = new ArrayList<>();
        lines.add("Error budget " + month + ": " + report.errorBudgetRemainingMinutes().toPlainString() + " of "
                + report.errorBudgetMinutes().toPlainString() + " minutes left ("
                + report.errorBudgetRemainingPercent().toPlainString() + "%), availability "
                + report.availabilityPercent().toPlainString() + "% — tier " + report.policy() + ": "
                + report.policy().explanation());
        lines.add("Open incidents: " + (open.isEmpty() ? "none." : open.size() + "."));
        open.forEach(i -> lines.add("  #" + i.id() + " " + i.severity() + " " + i.status() + ": " + i.title()));
        lines.add("Overdue postmortem action items: " + (overdue.isEmpty() ? "none." : overdue.size() + "."));
        overdue.forEach(a -> lines.add("  #" + a.incidentId() + " " + a.title() + " (" + a.owner() + ", due " + a.dueOn() + ")"));
        lines.add("The error-budget page: /budget");
        Set<String> to = new TreeSet<>(directory.emailsOf(Role.SRE));
        to.addAll(directory.emailsOf(Role.LEADERSHIP));
        notifications.queueToEach(to, subject, "message", Map.of("heading", subject, "lines", lines));
    }

    /** The open recovery actions of a month, in the checklist's order. */
    public List<ProcessSteps.OpenTask> recoveryTasks(String month) {
        return process.openTasks(BudgetProcesses.RECOVERY, month);
    }

    /** Marks one recovery action done. */
    public void completeRecoveryTask(String month, String taskKey, String actor) {
        process.complete(BudgetProcesses.RECOVERY, month, taskKey, actor, Map.of(),
                "no open recovery action " + taskKey + " for " + month);
    }

    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        @Bean
        JavaDelegate readStandupTierDelegate(ReliabilityRoutines routines) {
            return execution -> execution.setVariable("standupNeeded", routines.standupNeeded());
        }

        @Bean
        JavaDelegate sendStandupDelegate(ReliabilityRoutines routines) {
            return execution -> routines.sendStandup();
        }

        @Bean
        TaskForm budgetRecoveryTaskForm() {
            return new TaskForm(BudgetProcesses.RECOVERY, "/budget#recovery-");
        }
    }
}
