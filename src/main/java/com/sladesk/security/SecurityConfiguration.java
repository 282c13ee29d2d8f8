package com.sladesk.security;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.system.Problems;
import com.sladesk.organisation.Directory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import static com.sladesk.security.ApiAccess.ADMIN;
import static com.sladesk.security.ApiAccess.CTO;
import static com.sladesk.security.ApiAccess.CUSTOMER;
import static com.sladesk.security.ApiAccess.LEADERSHIP;
import static com.sladesk.security.ApiAccess.SRE;
import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * Three chains: the API (HTTP Basic, stateless, problem+json answers; its roles come from
 * {@link ApiAccess}), the API's OpenAPI document and Swagger UI (staff, by session or Basic), and
 * the pages (form login with CSRF). Each path's role is declared here or in {@link ApiAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** Pages load scripts, styles and images from this service only: no inline script, no other origin. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** A request the firewall refuses (encoded slashes, semicolons, %25 …): a 400 problem naming the path. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> {
            var problem = Problems.invalid(HttpStatus.BAD_REQUEST,
                    "path: the address contains characters that are not allowed",
                    List.of(new Problems.FieldError("path", "characters",
                            "the address contains characters that are not allowed")));
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }

    @Bean
    RecentUsers recentUsers(Clock clock) {
        return new RecentUsers(clock);
    }

    /** Users from the database, checked with the (cached) BCrypt encoder, remembered for seconds. */
    @Bean
    DaoAuthenticationProvider authenticationProvider(SlaUserDetailsService users, PasswordEncoder encoder,
            RecentUsers recent) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setUserCache(recent);
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder(Clock clock,
            @Value("${sladesk.security.verified-password-cache:true}") boolean cache) {
        // the switch exists for the benchmark's before/after (docs/performance.md)
        return cache ? new VerifiedPasswordCache(new BCryptPasswordEncoder(), clock) : new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ObjectMapper json, ApiTokens tokens,
            @Value("${sladesk.alertmanager.token:}") String alertmanagerToken,
            @Value("${sladesk.paging.pagerduty-webhook-secret:}") String pagerDutySecret) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.securityMatcher(new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/engine-rest/**"),
                antMatcher("/actuator/**")))
            .authorizeHttpRequests(auth -> {
                auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                    .requestMatchers("/actuator/prometheus").hasAnyRole(ADMIN, SlaUserDetailsService.METRICS_ROLE)
                    .requestMatchers("/actuator/**").hasRole(ADMIN)
                    .requestMatchers(antMatcher("/engine-rest/**")).hasRole(ADMIN);
                for (ApiAccess.Rule rule : ApiAccess.RULES) {
                    String[] paths = rule.paths().toArray(String[]::new);
                    var matched = rule.method() == null ? auth.requestMatchers(paths)
                            : auth.requestMatchers(rule.method(), paths);
                    if (rule.roles().isEmpty()) {
                        matched.denyAll();
                    } else {
                        matched.hasAnyRole(rule.roles().toArray(String[]::new));
                    }
                }
                auth.anyRequest().denyAll();
            })
            .addFilterBefore(new AlertmanagerTokenFilter(alertmanagerToken), BasicAuthenticationFilter.class)
            .addFilterBefore(new PagerDutySignatureFilter(pagerDutySecret), BasicAuthenticationFilter.class)
            .addFilterBefore(new BearerTokenFilter(tokens, json), BasicAuthenticationFilter.class)
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * The OpenAPI document and Swagger UI, for signed-in staff: a browser's session works (Swagger UI
     * reads the document with it) and so does HTTP Basic for a script; Swagger UI sends an
     * anonymous browser to the login page, the document answers 401.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocumentChain(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        var swaggerUi = new OrRequestMatcher(antMatcher("/swagger-ui.html"), antMatcher("/swagger-ui/**"));
        http.securityMatcher(new OrRequestMatcher(antMatcher("/v3/api-docs"), antMatcher("/v3/api-docs/**"),
                antMatcher("/v3/api-docs.yaml"), antMatcher("/swagger-ui.html"), antMatcher("/swagger-ui/**")))
            .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN))
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .exceptionHandling(e -> e
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), swaggerUi)
                .defaultAuthenticationEntryPointFor(problems, antMatcher("/**"))
                .accessDeniedHandler(problems))
            .csrf(csrf -> csrf.disable())
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, Directory directory, Clock clock,
            ObjectProvider<ClientRegistrationRepository> sso,
            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> ssoUsers) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // setting a password from an invitation or reset link, and asking for one
                .requestMatchers("/account/password", "/login/forgot").permitAll()
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
                .requestMatchers(HttpMethod.POST, "/reports/*/send", "/reports/*/review").hasAnyRole(LEADERSHIP, CTO)
                .requestMatchers("/reports/**", "/slo").hasAnyRole(SRE, LEADERSHIP, CTO)
                .requestMatchers("/plans").hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers(HttpMethod.POST, "/calibration/*/review").hasRole(SRE)
                .requestMatchers(HttpMethod.POST, "/calibration/*/approve").hasAnyRole(LEADERSHIP, CTO)
                .requestMatchers(HttpMethod.POST, "/calibration").hasAnyRole(SRE, LEADERSHIP, CTO)
                .requestMatchers("/calibration").hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers("/ack/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/oncall/*.ics").permitAll()
                .requestMatchers(HttpMethod.POST, "/oncall/contacts").hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers(HttpMethod.POST, "/oncall/**").hasAnyRole(SRE, ADMIN)
                .requestMatchers("/oncall").hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers(HttpMethod.POST, "/budget/**").hasRole(SRE)
                .requestMatchers("/budget").hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers(HttpMethod.POST, "/postmortems/action-items/*/done").hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers(HttpMethod.POST, "/postmortems/**").hasRole(SRE)
                .requestMatchers("/postmortems", "/postmortems/**").hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .requestMatchers(HttpMethod.POST, "/slos", "/slos/**").hasAnyRole(SRE, ADMIN)
                .requestMatchers("/slos", "/slos/**").hasAnyRole(SRE, LEADERSHIP, CTO, ADMIN)
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
            .addFilterBefore(new SessionValidityFilter(directory, clock), AuthorizationFilter.class)
            .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
            // Cockpit and Tasklist send their own CSRF token (Camunda's CsrfPreventionFilter).
            .csrf(csrf -> csrf.ignoringRequestMatchers(antMatcher("/camunda/api/**")))
            .addFilterAfter(new EagerCsrfTokenFilter(), CsrfFilter.class)
            // Cockpit, Tasklist and Admin send their own policy (Camunda's HeaderSecurityFilter)
            .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                    .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(antMatcher("/camunda/**")),
                            new ContentSecurityPolicyHeaderWriter(PAGE_POLICY))));
        ClientRegistrationRepository registrations = sso.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(login -> login.loginPage("/login").clientRegistrationRepository(registrations)
                    .userInfoEndpoint(info -> info.oidcUserService(ssoUsers.getObject()))
                    .defaultSuccessUrl("/", true)
                    .failureHandler((request, response, failure) -> {
                        String code = failure instanceof OAuth2AuthenticationException oauth
                                && SingleSignOn.NO_ROLE.equals(oauth.getError().getErrorCode()) ? "no-role" : "refused";
                        response.sendRedirect(request.getContextPath() + "/login?sso=" + code);
                    }));
        }
        return http.build();
    }
}
