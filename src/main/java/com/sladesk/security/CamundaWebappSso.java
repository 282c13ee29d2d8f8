package com.sladesk.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cockpit, Tasklist and Admin take the user Spring Security signed in (ADMIN only, see
 * {@link SecurityConfiguration}); the engine's own login page is never used. Only where the webapps
 * run ({@code camunda.bpm.webapp.enabled}, Camunda's own switch).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", havingValue = "true", matchIfMissing = true)
class CamundaWebappSso {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                ContainerBasedAuthenticationProvider.class.getName()));
        // after Spring Security's filter chain (order -100), so the principal is known
        registration.setOrder(101);
        registration.addUrlPatterns("/camunda/*");
        return registration;
    }
}
