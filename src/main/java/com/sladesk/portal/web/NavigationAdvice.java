package com.sladesk.portal.web;

import java.time.Clock;

import com.sladesk.security.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The open-task count in the navigation of every page, for staff who work on tasks, and the
 * service's time the page was made at (the countdowns' reference), only for a page that is
 * rendered: an API call or a redirect makes no task query.
 */
@Configuration
class NavigationAdvice implements WebMvcConfigurer {

    private final TaskService tasks;

    private final Clock clock;

    NavigationAdvice(TaskService tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                    ModelAndView page) {
                if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
                    page.addObject("taskCount", taskCount());
                    // the service's now, so that live countdowns count from it and not from the browser's clock
                    page.addObject("serverNow", clock.instant());
                }
            }
        // the error page renders without the database: it is what a page shows while the database is out of reach
        }).excludePathPatterns("/api/**", "/engine-rest/**", "/actuator/**", "/error");
    }

    Long taskCount() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user) || user.isCustomer()) {
            return null;
        }
        return tasks.createTaskQuery().or().taskCandidateUser(user.getUsername()).taskAssignee(user.getUsername())
                .endOr().active().count();
    }
}
