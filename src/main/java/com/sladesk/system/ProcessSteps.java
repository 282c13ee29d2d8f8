package com.sladesk.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Component;

/**
 * The one seam between the feature services and the process engine: start a process for a
 * business key, complete the user task it waits in, correlate a message to it, or set its
 * variables. Each call joins the caller's transaction; a call made outside one is retried on
 * optimistic-locking and deadlock failures like a user command ({@link CommandRetry}).
 */
@Component
@Retryable(interceptor = CommandRetry.INTERCEPTOR)
public class ProcessSteps {

    /** How long the newest definition of a process key is kept before it is asked for again (a deployment made at run time). */
    static final Duration NEWEST_KEPT_FOR = Duration.ofSeconds(10);

    private record Newest(String id, Instant readAt) {
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final RepositoryService repository;
    /** The newest definition of each process key started here, as last read. */
    private final ConcurrentHashMap<String, Newest> newest = new ConcurrentHashMap<>();

    private final Clock clock;

    ProcessSteps(RuntimeService runtime, TaskService tasks, IdentityService identity, RepositoryService repository,
            Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Whether {@code user} may work on the task {@code taskKey} of that process: a candidate (by group) or its assignee. */
    public boolean mayComplete(String processKey, Object businessKey, String taskKey, String user) {
        return tasks.createTaskQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(businessKey)).taskDefinitionKey(taskKey)
                .or().taskCandidateUser(user).taskAssignee(user).endOr().count() > 0;
    }

    /** An open user task: its model key and name. */
    public record OpenTask(String key, String name) {
    }

    /** The open user tasks of the {@code processKey} process of {@code businessKey}, by model key. */
    public java.util.List<OpenTask> openTasks(String processKey, Object businessKey) {
        return tasks.createTaskQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(businessKey)).orderByTaskName().asc().list().stream()
                .map(t -> new OpenTask(t.getTaskDefinitionKey(), t.getName())).toList();
    }

    /** Whether a {@code processKey} process runs for {@code businessKey}. */
    public boolean isRunning(String processKey, Object businessKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(businessKey)).count() > 0;
    }

    /** Whether {@code user} is a member of the process group {@code groupId}. */
    public boolean isMember(String user, String groupId) {
        return identity.createUserQuery().userId(user).memberOfGroup(groupId).count() > 0;
    }

    /** The user names of the members of a process group (such as {@code sre-lead}). */
    public java.util.List<String> groupMembers(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId).sorted().toList();
    }

    /** The e-mail addresses of the members of a process group (such as {@code sre-lead}). */
    public java.util.List<String> groupEmails(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getEmail).filter(java.util.Objects::nonNull).toList();
    }

    /** Starts the newest process whose message start event waits for {@code message}. */
    public void startByMessage(String message, Object businessKey, Map<String, Object> variables) {
        runtime.startProcessInstanceByMessage(message, String.valueOf(businessKey), variables);
    }

    /**
     * Starts the newest version of {@code processKey} for {@code businessKey}: the newest as of at most
     * {@link #NEWEST_KEPT_FOR} ago. Starting by key asked the database for the newest definition at
     * every start (an incident write's 4%, issue #21); by id, the engine's deployment cache answers.
     * (Our diagrams are deployed when a node starts; a deployment deleted by hand in Cockpit fails
     * this node's starts for at most that long.)
     */
    public void start(String processKey, Object businessKey, Map<String, Object> variables) {
        Instant now = clock.instant();
        Newest newest = this.newest.get(processKey);
        if (newest == null || !now.isBefore(newest.readAt().plus(NEWEST_KEPT_FOR)) || now.isBefore(newest.readAt())) {
            ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                    .latestVersion().withoutTenantId().singleResult();
            if (definition == null) { // as starting by key would: the engine's own error names the key
                runtime.startProcessInstanceByKey(processKey, String.valueOf(businessKey), variables);
                return;
            }
            newest = new Newest(definition.getId(), now);
            this.newest.put(processKey, newest);
        }
        runtime.startProcessInstanceById(newest.id(), String.valueOf(businessKey), variables);
    }

    /**
     * Completes the user task {@code taskKey} that the {@code processKey} process of {@code businessKey}
     * waits in, as {@code assignee} (none: left unassigned).
     *
     * @throws ConflictException naming {@code notWaiting} when the process does not wait there
     */
    public void complete(String processKey, Object businessKey, String taskKey, String assignee,
            Map<String, Object> variables, String notWaiting) {
        if (!completeIfWaiting(processKey, businessKey, taskKey, assignee, variables)) {
            throw new ConflictException(notWaiting);
        }
    }

    /** As {@link #complete}, doing nothing when the process does not wait in that task; true when it did. */
    public boolean completeIfWaiting(String processKey, Object businessKey, String taskKey, String assignee,
            Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(businessKey)).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            return false;
        }
        if (assignee != null) {
            tasks.setAssignee(task.getId(), assignee);
        }
        tasks.complete(task.getId(), variables);
        return true;
    }

    /** Delivers {@code message} to the process of {@code businessKey}, with {@code variables} set on it. */
    public void correlate(String message, Object businessKey, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(String.valueOf(businessKey))
                .setVariables(variables).correlateWithResult();
    }

    /** Sets {@code variables} on the running {@code processKey} process of {@code businessKey}. */
    public void setVariables(String processKey, Object businessKey, Map<String, Object> variables) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(businessKey)).singleResult();
        if (instance == null) {
            throw new ConflictException("no running " + processKey + " process for " + businessKey);
        }
        runtime.setVariables(instance.getId(), variables);
    }
}
