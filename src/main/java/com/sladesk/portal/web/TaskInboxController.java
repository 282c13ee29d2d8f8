package com.sladesk.portal.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.sladesk.security.SignedInUser;
import com.sladesk.system.TaskForm;
import com.sladesk.system.ForbiddenException;
import com.sladesk.system.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One inbox for every process: the open user tasks the signed-in person may work on (their
 * groups' or their own), due first, overdue marked, with claim/unclaim and a link to the form
 * that decides each.
 */
@Controller
class TaskInboxController {

    static final String INBOX = "portal/tasks";

    /** Where each kind of task is decided, by process key: each module with user tasks contributes its form. */
    private final Map<String, TaskForm> forms;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final Clock clock;

    TaskInboxController(List<TaskForm> forms, TaskService tasks, RepositoryService repository, RuntimeService runtime,
            Clock clock) {
        this.forms = forms.stream().collect(Collectors.toUnmodifiableMap(TaskForm::processKey, Function.identity()));
        this.tasks = tasks;
        this.repository = repository;
        this.runtime = runtime;
        this.clock = clock;
    }

    record InboxTask(String id, String name, String process, String link, Date due, boolean overdue, String assignee) {
    }

    @GetMapping("/tasks")
    String inbox(@AuthenticationPrincipal SignedInUser user, Model model) {
        Instant now = clock.instant();
        List<Task> visible = visible(user.getUsername());
        Map<String, ProcessInstance> instances = instances(visible);
        List<InboxTask> inbox = visible.stream()
                .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(t -> {
                    String key = repository.getProcessDefinition(t.getProcessDefinitionId()).getKey();
                    ProcessInstance instance = instances.get(t.getProcessInstanceId());
                    String businessKey = instance == null ? "" : instance.getBusinessKey();
                    TaskForm form = forms.get(key);
                    return new InboxTask(t.getId(), t.getName(), key,
                            form == null ? "/tasks#" + businessKey : form.linkTo(businessKey), t.getDueDate(),
                            t.getDueDate() != null && t.getDueDate().toInstant().isBefore(now), t.getAssignee());
                }).toList();
        model.addAttribute("tasks", inbox);
        return INBOX;
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        Task task = mayWorkOn(id, user.getUsername());
        if (task.getAssignee() != null && !task.getAssignee().equals(user.getUsername())) {
            redirect.addFlashAttribute("error", "Already claimed by " + task.getAssignee() + ".");
            return "redirect:/tasks";
        }
        tasks.claim(id, user.getUsername());
        redirect.addFlashAttribute("message", "Claimed: " + task.getName() + ".");
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        Task task = mayWorkOn(id, user.getUsername());
        if (user.getUsername().equals(task.getAssignee())) {
            tasks.setAssignee(id, null);
            redirect.addFlashAttribute("message", "Released: " + task.getName() + ".");
        }
        return "redirect:/tasks";
    }

    /** Tasks offered to the user's groups or assigned to the user. */
    List<Task> visible(String username) {
        return tasks.createTaskQuery().or().taskCandidateUser(username).taskAssignee(username).endOr().active().list();
    }

    private Task mayWorkOn(String id, String username) {
        Task task = tasks.createTaskQuery().taskId(id).singleResult();
        if (task == null) {
            throw new NotFoundException("Task", id);
        }
        boolean candidate = tasks.createTaskQuery().taskId(id).taskCandidateUser(username).count() > 0;
        if (!candidate && !username.equals(task.getAssignee())) {
            throw new ForbiddenException("this task belongs to another group");
        }
        return task;
    }

    /**
     * The process instances of these tasks, in one query (a process definition comes from the
     * engine's deployment cache and takes none).
     */
    private Map<String, ProcessInstance> instances(List<Task> visible) {
        Set<String> ids = visible.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
    }
}
