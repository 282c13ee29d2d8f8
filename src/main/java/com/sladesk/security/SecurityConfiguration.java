package com.sladesk.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * Two chains: the API (HTTP Basic, stateless, problem+json answers) and the pages (form login with
 * CSRF). Each path's role is declared here, in one place.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String SRE = "SRE";
    private static final String LEADERSHIP = "LEADERSHIP";
    private static final String CTO = "CTO";
    private static final String ADMIN = "ADMIN";
    private static final String CUSTOMER = "CUSTOMER";

    /** Pages load scripts, styles and images from this service only: no inline script, no other origin. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** A request the firewall refuses (encoded slashes, semicolons, %25 …): a 400 problem naming the path. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(
            com.fasterxml.jackson.databind.ObjectMapper json) {
        return (request, response, rejected) -> {
            var problem = com.sladesk.system.Problems.invalid(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "path: the address contains characters that are not allowed",
                    java.util.List.of(new com.sladesk.system.Problems.FieldError("path", "characters",
                            "the address contains characters that are not allowed")));
            response.setStatus(400);
            response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }

    @Bean
    RecentUsers recentUsers(java.time.Clock clock) {
        return new RecentUsers(clock);
    }

    /** Users from the database, checked with the (cached) BCrypt encoder, remembered for seconds. */
    @Bean
    org.springframework.security.authentication.dao.DaoAuthenticationProvider authenticationProvider(
            SlaUserDetailsService users, PasswordEncoder encoder, RecentUsers recent) {
        var provider = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setUserCache(recent);
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder(java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${sladesk.security.verified-password-cache:true}") boolean cache) {
        // the switch exists for the benchmark's before/after (docs/performance.md)
        return cache ? new VerifiedPasswordCache(new BCryptPasswordEncoder(), clock) : new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ObjectMapper json,
            @org.springframework.beans.factory.annotation.Value("${sladesk.alertmanager.token:}") String alertmanagerToken)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.securityMatcher(new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/engine-rest/**"),
                antMatcher("/actuator/**")))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/prometheus").hasAnyRole(ADMIN, SlaUserDetailsService.METRICS_ROLE)
                .requestMatchers("/actuator/**").hasRole(ADMIN)
                .requestMatchers(antMatcher("/engine-rest/**")).hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/notifications/**").hasAnyRole(SRE, ADMIN)
                .requestMatchers("/api/notifications/**").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, AlertmanagerTokenFilter.PATH).hasRole(AlertmanagerTokenFilter.ROLE)
                .requestMatchers(HttpMethod.GET, "/api/incidents", "/api/incidents/**").hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers("/api/incidents", "/api/incidents/**").hasRole(SRE)
                .requestMatchers(HttpMethod.POST, "/api/credit-requests").hasRole(CUSTOMER)
                .requestMatchers(HttpMethod.POST, "/api/credit-requests/*/decision").hasRole(SRE)
                .requestMatchers(HttpMethod.GET, "/api/credit-requests", "/api/credit-requests/*")
                    .hasAnyRole(CUSTOMER, SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers("/api/credit-requests/**").denyAll()
                .requestMatchers(HttpMethod.GET, "/api/credit-ledger").hasAnyRole(SRE, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/maintenance", "/api/maintenance/**")
                    .hasAnyRole(CUSTOMER, SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers("/api/maintenance", "/api/maintenance/**").hasRole(SRE)
                .requestMatchers(HttpMethod.GET, "/api/exceptions", "/api/exceptions/**")
                    .hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/exceptions/*/review").hasRole(SRE)
                .requestMatchers(HttpMethod.POST, "/api/exceptions/*/approve").hasAnyRole(LEADERSHIP, CTO)
                .requestMatchers(HttpMethod.POST, "/api/exceptions").hasAnyRole(SRE, LEADERSHIP)
                .requestMatchers(HttpMethod.PUT, "/api/exceptions/*").hasAnyRole(SRE, LEADERSHIP)
                .requestMatchers("/api/exceptions/**").denyAll()
                .requestMatchers(HttpMethod.POST, "/api/changes/*/decision").hasRole(CTO)
                .requestMatchers("/api/changes", "/api/changes/**").hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/availability").hasAnyRole(CUSTOMER, SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/audit").hasRole(ADMIN)
                .requestMatchers("/api/audit/**").denyAll()
                .requestMatchers("/api/**").hasAnyRole(CUSTOMER, SRE, LEADERSHIP, CTO, ADMIN)
                .anyRequest().denyAll())
            .addFilterBefore(new AlertmanagerTokenFilter(alertmanagerToken),
                    org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**",
                        "/favicon.ico", "/health", "/ready", "/health/components").permitAll()
                // the public status page, its feeds and subscriptions need no login
                .requestMatchers("/status", "/status/**", "/status.json", "/maintenance.ics").permitAll()
                .requestMatchers(antMatcher("/camunda/**")).hasRole(ADMIN)
                .requestMatchers("/portal/**").hasRole(CUSTOMER)
                .requestMatchers("/sre/**").hasRole(SRE)
                .requestMatchers("/leadership/**").hasAnyRole(LEADERSHIP, CTO)
                .requestMatchers("/admin/**").hasRole(ADMIN)
                .requestMatchers("/notifications/**", "/credits/**").hasAnyRole(SRE, ADMIN)
                .requestMatchers(HttpMethod.POST, "/exceptions/*/review").hasRole(SRE)
                .requestMatchers(HttpMethod.POST, "/exceptions/*/approve").hasAnyRole(LEADERSHIP, CTO)
                .requestMatchers(HttpMethod.POST, "/changes/*/decision").hasRole(CTO)
                .requestMatchers("/exceptions/**", "/changes/**", "/exceptions", "/changes").hasAnyRole(SRE, LEADERSHIP, CTO)
                .requestMatchers("/tasks", "/tasks/**").hasAnyRole(SRE, LEADERSHIP, CTO)
                .requestMatchers(HttpMethod.POST, "/reports/*/send").hasAnyRole(LEADERSHIP, CTO)
                .requestMatchers("/reports/**", "/slo").hasAnyRole(SRE, LEADERSHIP, CTO)
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
            .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
            // Cockpit and Tasklist send their own CSRF token (Camunda's CsrfPreventionFilter).
            .csrf(csrf -> csrf.ignoringRequestMatchers(antMatcher("/camunda/api/**")))
            .addFilterAfter(new EagerCsrfTokenFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
            // Cockpit, Tasklist and Admin send their own policy (Camunda's HeaderSecurityFilter)
            .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                    .addHeaderWriter(new org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter(
                            new org.springframework.security.web.util.matcher.NegatedRequestMatcher(antMatcher("/camunda/**")),
                            new org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter(PAGE_POLICY))));
        return http.build();
    }
}
