package com.sladesk.portal.web;

import com.sladesk.security.SignedInUser;
import org.camunda.bpm.engine.TaskService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The open-task count in the navigation of every page, for staff who work on tasks. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final TaskService tasks;

    NavigationAdvice(TaskService tasks) {
        this.tasks = tasks;
    }

    @ModelAttribute("taskCount")
    Long taskCount() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user) || user.isCustomer()) {
            return null;
        }
        return tasks.createTaskQuery().or().taskCandidateUser(user.getUsername()).taskAssignee(user.getUsername())
                .endOr().active().count();
    }
}
