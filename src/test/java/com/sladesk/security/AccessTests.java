package com.sladesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may open which page and call which endpoint, signing in for real against the demo users. */
@SlaDeskTest
class AccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest(name = "{0} signs in and lands on {1}")
    @CsvSource({ "acme, /portal", "globex, /portal", "sre, /sre", "sre2, /sre", "leader, /leadership",
            "cto, /leadership", "admin, /admin" })
    void everyDemoUserSignsInAndLandsOnTheirHomePage(String user, String home) throws Exception {
        var session = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(authenticated().withUsername(user))
                .andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/").session((MockHttpSession) session))
                .andExpect(redirectedUrl(home));
        mvc.perform(get(home).session((MockHttpSession) session))
                .andExpect(status().isOk());
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        mvc.perform(formLogin("/login").user("sre").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void loginWithoutCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/login").param("username", "sre").param("password", "demo"))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void aTaskOfAnotherGroupCannotBeClaimed(@Autowired RuntimeService runtime,
            @Autowired TaskService tasks,
            @Autowired RepositoryService repository) throws Exception {
        var model = Bpmn.createExecutableProcess("claim-check").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Cto").camundaCandidateGroups("cto").endEvent().done();
        var deployment = repository.createDeployment().addModelInstance("claim-check.bpmn", model).deploy();
        try {
            String instance = runtime.startProcessInstanceByKey("claim-check").getId();
            String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
            var sre = (MockHttpSession) mvc
                    .perform(formLogin("/login").user("sre").password("demo")).andReturn().getRequest().getSession();
            mvc.perform(post("/tasks/{id}/claim", taskId).session(sre)
                    .with(SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().isForbidden());
            var cto = (MockHttpSession) mvc
                    .perform(formLogin("/login").user("cto").password("demo")).andReturn().getRequest().getSession();
            mvc.perform(post("/tasks/{id}/claim", taskId).session(cto)
                    .with(SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("cto");
        }
        finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void signInIsLockedAfterFiveWrongPasswordsForFiveMinutes(@Autowired Directory directory)
            throws Exception {
        String name = "locktest" + System.nanoTime() % 100000;
        // a customer: no mail list or process group of other tests is touched by this user
        long globex = directory.findOrganisationByName("Globex").orElseThrow().id();
        directory.createUser(name, name + "@globex.example", "right-password", Role.CUSTOMER, globex);
        Instant start = Instant.parse("2026-02-02T10:00:00Z");
        TestClock.pin(start);
        try {
            for (int i = 0; i < 5; i++) {
                mvc.perform(formLogin("/login").user(name).password("wrong")).andExpect(unauthenticated());
            }
            // the right password no longer gets in, by form or by HTTP Basic
            mvc.perform(formLogin("/login").user(name).password("right-password")).andExpect(unauthenticated());
            assertThat(http.withBasicAuth(name, "right-password").getForEntity("/api/availability", String.class)
                    .getStatusCode().value()).isEqualTo(401);
            // other users are not affected
            mvc.perform(formLogin("/login").user("sre").password("demo")).andExpect(authenticated());

            TestClock.pin(start.plus(Duration.ofMinutes(5)).plusSeconds(1));
            mvc.perform(formLogin("/login").user(name).password("right-password")).andExpect(authenticated());
        }
        finally {
            TestClock.runFromStart();
        }
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        var anonymous = (MockHttpSession) mvc.perform(get("/login")).andReturn()
                .getRequest().getSession();
        String before = anonymous.getId();
        var signedIn = mvc.perform(formLogin("/login").user("sre").password("demo")).andReturn().getRequest().getSession();
        assertThat(signedIn.getId()).isNotEqualTo(before);
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(header().string("Content-Security-Policy",
                        Matchers.containsString("frame-ancestors 'self'")));
        mvc.perform(get("/api/notifications")).andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void pagesAllowScriptsFromThisServiceOnlyAndNoInlineScript() throws Exception {
        var leader = (MockHttpSession) mvc
                .perform(formLogin("/login").user("leader").password("demo")).andReturn().getRequest().getSession();
        for (String page : List.of("/login", "/status", "/slo", "/leadership")) {
            var response = mvc.perform(get(page).session(leader)).andExpect(status().isOk()).andReturn().getResponse();
            String policy = response.getHeader("Content-Security-Policy");
            assertThat(policy).as(page).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
                    "frame-ancestors 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
            // every <script> either loads a file of ours or is data (application/json), which no browser runs
            Document html = Jsoup.parse(response.getContentAsString());
            for (Element script : html.select("script")) {
                assertThat(script.hasAttr("src") || "application/json".equals(script.attr("type")))
                        .as(page + ": " + script.outerHtml()).isTrue();
            }
            assertThat(html.select("[onclick], [onload], [onsubmit], [onchange], [style]")).as(page).isEmpty();
        }
    }

    @Test
    void errorOpenedDirectlyIsNotFound() throws Exception {
        mvc.perform(get("/error")).andExpect(status().isNotFound());
        mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void storedTextIsEscapedOnEveryPage(@Autowired IncidentService incidents) throws Exception {
        String title = "<script>alert('x')</script>";
        long id = incidents.open(new NewIncident(title, null, Severity.P3,
                List.of("core"), Environment.PRODUCTION,
                Impact.DEGRADED, null, null), "sre").id();
        var sre = (MockHttpSession) mvc
                .perform(formLogin("/login").user("sre").password("demo")).andReturn().getRequest().getSession();
        for (String page : List.of("/sre/incidents", "/sre/incidents/" + id, "/status")) {
            String html = mvc.perform(get(page).session(sre)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(html).as(page).doesNotContain(title).contains("&lt;script&gt;");
        }
    }

    @Test
    void theStatusPageAndItsFeedsArePublic() throws Exception {
        mvc.perform(get("/status")).andExpect(status().isOk());
        mvc.perform(get("/status.json")).andExpect(status().isOk());
        mvc.perform(get("/status/feed.atom")).andExpect(status().isOk());
        mvc.perform(get("/status/maintenance")).andExpect(status().isOk());
        mvc.perform(get("/maintenance.ics")).andExpect(status().isOk());
    }

    @Test
    void anonymousVisitorIsSentToLogin() throws Exception {
        mvc.perform(get("/sre")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @ParameterizedTest(name = "{0} opening {1} gets {2}")
    @CsvSource({
            "acme, /sre, 403", "acme, /admin, 403", "acme, /leadership, 403", "acme, /notifications, 403",
            "acme, /camunda/app/cockpit/default/, 403", "acme, /portal, 200",
            "sre, /portal, 403", "sre, /admin, 403", "sre, /notifications, 200", "sre, /camunda/app/cockpit/default/, 403",
            "leader, /sre, 403", "leader, /leadership, 200", "cto, /leadership, 200",
            "admin, /admin, 200", "admin, /notifications, 200", "admin, /sre, 403",
            "acme, /sre/incidents, 403", "leader, /sre/incidents, 403", "sre, /sre/incidents, 200",
            "sre, /sre/incidents/new, 200", "admin, /sre/incidents, 403",
            "acme, /portal/credits, 200", "sre, /portal/credits, 403", "acme, /sre/credits, 403",
            "sre, /sre/credits, 200", "acme, /credits/ledger, 403", "leader, /credits/ledger, 403",
            "sre, /credits/ledger, 200", "admin, /credits/ledger, 200",
            "acme, /sre/maintenance, 403", "leader, /sre/maintenance, 403", "sre, /sre/maintenance, 200",
            "acme, /status, 200", "acme, /status/maintenance, 200",
            "acme, /tasks, 403", "admin, /tasks, 403", "sre, /tasks, 200", "leader, /tasks, 200", "cto, /tasks, 200",
            "acme, /exceptions, 403", "sre, /exceptions, 200", "leader, /exceptions/new, 200",
            "acme, /changes, 403", "cto, /changes, 200" })
    void pagesFollowRoles(String user, String path, int expected) throws Exception {
        var session = (MockHttpSession) mvc
                .perform(formLogin("/login").user(user).password("demo")).andReturn().getRequest().getSession();
        mvc.perform(get(path).session(session)).andExpect(status().is(expected));
    }

    @Test
    void apiWithoutCredentialsIsA401Problem() throws Exception {
        mvc.perform(get("/api/notifications"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @ParameterizedTest(name = "{0} calling GET {1} gets {2}")
    @CsvSource({
            "acme, /api/notifications, 403", "leader, /api/notifications, 403", "cto, /api/notifications, 403",
            "sre, /api/notifications, 200", "admin, /api/notifications, 200",
            "sre, /engine-rest/engine, 403", "acme, /engine-rest/engine, 403", "admin, /engine-rest/engine, 200",
            "sre, /actuator/prometheus, 403", "admin, /actuator/prometheus, 200",
            "prometheus, /actuator/prometheus, 200", "prometheus, /api/notifications, 403",
            "acme, /api/exceptions, 403", "sre, /api/exceptions, 200", "cto, /api/exceptions, 200",
            "acme, /api/changes, 403", "leader, /api/changes, 200",
            "acme, /api/maintenance, 200", "globex, /api/availability, 200" })
    void apiFollowsRoles(String user, String path, int expected) {
        // over real HTTP: the engine's REST API is a Jersey servlet that MockMvc would not reach
        String password = user.equals("prometheus") ? "scrape-secret" : "demo";
        var response = http.withBasicAuth(user, password).getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        var hashes = jdbc.queryForList("select password_hash from app_user", String.class);
        assertThat(hashes).isNotEmpty().allSatisfy(h -> assertThat(h).matches("^\\$2[aby]\\$\\d\\d\\$.{53}$"));
        assertThat(hashes).doesNotContain("demo");
    }

    @Test
    void healthEndpointsArePublicJson() throws Exception {
        mvc.perform(get("/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/ready")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.processEngine.status").value("UP"));
        // in tests the job executor is off and GreenMail is not always up: the group answers, whatever its state
        mvc.perform(get("/health/components"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.processEngine.status").value("UP"))
                .andExpect(jsonPath("$.components.mail.details.pending").isNumber());
    }
}
