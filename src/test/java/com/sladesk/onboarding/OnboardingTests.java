package com.sladesk.onboarding;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.BrowserSupport;
import com.sladesk.SlaDeskModuleTest;
import com.sladesk.TestClock;
import com.sladesk.audit.AuditTrail;
import com.sladesk.notification.MailDelivery;
import com.sladesk.organisation.Directory;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import testidp.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #15's promise on a fresh installation (no demo data, an empty database): the first
 * administrator sets a password from the logged link, brings in organisations, components and
 * people by invitation, staff sign in through a real OpenID Connect provider, and tools use API
 * tokens that stop working the moment they are revoked. On H2 and, in CI, on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(resolver = FreshInstallation.Profiles.class)
@TestPropertySource(properties = { "sladesk.bootstrap.admin-email=" + FreshInstallation.ADMIN_EMAIL,
        "sladesk.oidc.client-id=" + TestIdentityProvider.CLIENT_ID,
        "sladesk.oidc.client-secret=" + TestIdentityProvider.CLIENT_SECRET,
        "sladesk.oidc.display-name=Initech SSO", "sladesk.oidc.role-mapping.sla-sre=SRE",
        "spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=1",
        "camunda.bpm.process-engine-name=onboardingtests", SlaDeskModuleTest.WITHOUT_ENGINE_WEBAPPS,
        SlaDeskModuleTest.WITHOUT_ENGINE_REST })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingTests {

    static final String ADMIN_PASSWORD = "Quiet-Harbour-Lantern-7";
    static final String PASSWORD = "Amber-Glacier-Violin-42";
    private static final Pattern LINK = Pattern.compile("/account/password\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern BOOTSTRAP = Pattern.compile("First administrator \\S+ created\\. .*?(/account/password\\?token=[A-Za-z0-9_-]+)");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @DynamicPropertySource
    static void freshDatabaseAndProvider(DynamicPropertyRegistry registry) {
        FreshInstallation.properties(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Directory directory;

    @Autowired
    AuditTrail audit;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    /** The service's own log, as captured since the class started (the context starts inside it). */
    static String bootstrapLink(CapturedOutput output) {
        Matcher matcher = BOOTSTRAP.matcher(output.getAll());
        assertThat(matcher.find()).as("the WARN line with the first administrator's link").isTrue();
        return matcher.group(1);
    }

    /** The first administrator, with a password: set here through the logged link unless the browser test did. */
    void administratorIsSetUp(CapturedOutput output) throws Exception {
        if (directory.findUserByEmail(FreshInstallation.ADMIN_EMAIL).orElseThrow().passwordHash() != null) {
            return;
        }
        String token = bootstrapLink(output).replaceFirst(".*token=", "");
        mvc.perform(post("/account/password").with(csrf()).param("token", token).param("password", ADMIN_PASSWORD)
                .param("confirmation", ADMIN_PASSWORD)).andExpect(status().is3xxRedirection());
    }

    MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(FreshInstallation.ADMIN_EMAIL, ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    /** The single-use link in the latest mail to {@code address}, as a path of this service. */
    String linkMailedTo(String address) throws Exception {
        MailDelivery.deliverAll(context);
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(address);
        assertThat(received).as("mail to " + address).isNotEmpty();
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(received[received.length - 1]).replace("=\r\n", "")
                .replace("=3D", "="));
        assertThat(matcher.find()).as("a link in the mail").isTrue();
        return matcher.group();
    }

    // ---------------------------------------------------------------- the whole story in a browser

    @Test
    @Order(1)
    @Tag("browser")
    @EnabledIf("com.sladesk.BrowserSupport#available")
    void aNewTeamSetsUpSlaDeskInTheBrowser(CapturedOutput output) throws Exception {
        WebDriver browser = BrowserSupport.start();
        try {
            String base = "http://localhost:" + port;
            FreshInstallation.provider().allowRedirectTo(base + "/login/oauth2/code/sso");

            // the first administrator opens the logged link, is refused a weak password, sets a good one
            browser.get(base + bootstrapLink(output));
            assertThat(browser.findElement(By.id("link-username")).getText()).isEqualTo(FreshInstallation.ADMIN_EMAIL);
            setPassword(browser, "password1234");
            assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("too common");
            setPassword(browser, ADMIN_PASSWORD);
            signIn(browser, base, FreshInstallation.ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(browser.getCurrentUrl()).endsWith("/admin");

            // a component, then an organisation whose contract covers it
            browser.get(base + "/admin/components");
            browser.findElement(By.id("code")).sendKeys("Core API");
            browser.findElement(By.id("name")).sendKeys("Core API");
            BrowserSupport.clickAndWait(browser, By.cssSelector("#component-form button[type=submit]"));
            assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("a-z, 0-9");
            browser.findElement(By.id("code")).clear();
            browser.findElement(By.id("code")).sendKeys("core-api");
            BrowserSupport.clickAndWait(browser, By.cssSelector("#component-form button[type=submit]"));
            assertThat(browser.findElement(By.id("components")).getText()).contains("core-api", "Core API");

            browser.get(base + "/admin/organisations");
            browser.findElement(By.id("name")).sendKeys("Initech");
            browser.findElement(By.id("monthlyFee")).sendKeys("1200.00");
            browser.findElement(By.id("currency")).clear();
            browser.findElement(By.id("currency")).sendKeys("EUR");
            browser.findElement(By.id("noticeEmail")).sendKeys("ops@initech.example");
            browser.findElement(By.id("billingEmail")).sendKeys("billing@initech.example");
            browser.findElement(By.cssSelector("input[type=checkbox][value=core-api]")).click();
            BrowserSupport.clickAndWait(browser, By.cssSelector("#organisation-form button[type=submit]"));
            assertThat(browser.findElement(By.id("organisations")).getText()).contains("Initech", "1,200.00 EUR", "core-api");

            // invite a customer of Initech and an SRE
            invite(browser, base, "peter@initech.example", "CUSTOMER", "Initech");
            invite(browser, base, "samir@initech.example", "SRE", null);
            BrowserSupport.screenshot(browser, "admin-users");
            assertThat(browser.findElement(By.id("users")).getText()).contains("peter@initech.example", "invited");
            signOut(browser);

            // both set their passwords from the mailed links and land on their homes
            browser.get(base + linkMailedTo("peter@initech.example"));
            setPassword(browser, PASSWORD);
            signIn(browser, base, "peter@initech.example", PASSWORD);
            assertThat(browser.getCurrentUrl()).endsWith("/portal");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("Initech");
            signOut(browser);
            browser.get(base + linkMailedTo("samir@initech.example"));
            setPassword(browser, PASSWORD);
            signIn(browser, base, "samir@initech.example", PASSWORD);
            assertThat(browser.getCurrentUrl()).endsWith("/sre");
            signOut(browser);

            // single sign-on: alice (group sla-sre) is an SRE; bob (marketing) is refused with a page that says why
            browser.get(base + "/login");
            BrowserSupport.clickAndWait(browser, By.id("sso-sign-in"));
            assertThat(browser.getCurrentUrl()).startsWith(FreshInstallation.provider().issuer());
            providerSignIn(browser, "alice", TestIdentityProvider.ALICE_PASSWORD);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/sre"));
            assertThat(browser.findElement(By.id("account-link")).getText()).isEqualTo("alice");
            signOut(browser);
            browser.manage().deleteAllCookies();
            browser.get(FreshInstallation.provider().issuer() + "/logout");
            browser.manage().deleteAllCookies();
            browser.get(base + "/login");
            BrowserSupport.clickAndWait(browser, By.id("sso-sign-in"));
            providerSignIn(browser, "bob", TestIdentityProvider.BOB_PASSWORD);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login?sso=no-role"));
            assertThat(browser.findElement(By.id("sso-refused")).getText()).contains("none of your groups is mapped");
            BrowserSupport.screenshot(browser, "sso-refused");

            // a service token opens an incident, then is revoked and stops working at once
            signIn(browser, base, FreshInstallation.ADMIN_EMAIL, ADMIN_PASSWORD);
            browser.get(base + "/admin/tokens");
            browser.findElement(By.id("token-name")).sendKeys("alertmanager");
            browser.findElement(By.cssSelector("input[name=scopes][value=read]")).click();
            browser.findElement(By.cssSelector("input[name=scopes][value='incidents:write']")).click();
            BrowserSupport.clickAndWait(browser, By.cssSelector("#token-form button[type=submit]"));
            String secret = browser.findElement(By.id("token-secret")).getText();
            assertThat(secret).startsWith("sla_");
            assertThat(openIncident(secret)).isEqualTo(201);
            BrowserSupport.clickAndWait(browser, By.cssSelector("button[aria-label='Revoke alertmanager']"));
            assertThat(browser.findElement(By.id("tokens")).getText()).contains("revoked");
            assertThat(openIncident(secret)).isEqualTo(401);
        }
        finally {
            browser.quit();
        }
    }


    // ---------------------------------------------------------------- the API, the same services

    @Test
    @Order(2)
    void theFirstAdministratorIsCreatedOnceWithALoggedLinkAndNoPassword(CapturedOutput output) throws Exception {
        var admin = directory.findUserByEmail(FreshInstallation.ADMIN_EMAIL).orElseThrow();
        assertThat(admin.role().name()).isEqualTo("ADMIN");
        assertThat(BOOTSTRAP.matcher(output.getAll()).results().map(m -> m.group(1)).distinct().count())
                .as("one link, logged once").isEqualTo(1);
        administratorIsSetUp(output);
        // the link was used: it cannot set a password again
        String token = bootstrapLink(output).replaceFirst(".*token=", "");
        mvc.perform(get("/account/password").param("token", token)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("This link has already been used")));
        mvc.perform(post("/account/password").with(csrf()).param("token", token).param("password", "Another-Good-Pass-99")
                .param("confirmation", "Another-Good-Pass-99")).andExpect(status().isOk());
        mvc.perform(formLogin().user(FreshInstallation.ADMIN_EMAIL).password("Another-Good-Pass-99"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/admin/users").with(httpBasic(FreshInstallation.ADMIN_EMAIL, ADMIN_PASSWORD)))
                .andExpect(status().isOk());
        // no default password anywhere: the demo's accounts do not exist here
        for (String user : List.of("admin", "sre", "acme")) {
            mvc.perform(formLogin().user(user).password("demo")).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(directory.allUsers()).allSatisfy(u -> assertThat(u.username()).isNotIn("admin", "sre", "acme"));
    }

    @Test
    @Order(3)
    void organisationsAreCreatedChangedAndDeactivatedWithEveryFieldChecked(CapturedOutput output) throws Exception {
        administratorIsSetUp(output);
        component("billing", "Billing");
        MvcResult created = mvc.perform(asAdmin(post("/api/admin/organisations")).content("""
                {"name": "Umbrella", "monthlyFee": 4000.00, "currency": "GBP", "noticeEmail": "Ops@Umbrella.example",
                 "billingEmail": "ap@umbrella.example", "components": ["billing"]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(".*/api/admin/organisations/\\d+")))
                .andExpect(jsonPath("$.noticeEmail").value("ops@umbrella.example"))
                .andExpect(jsonPath("$.components[0]").value("billing"))
                .andExpect(jsonPath("$.active").value(true)).andReturn();
        long id = body(created).get("id").asLong();

        expectRefusal(post("/api/admin/organisations"), """
                {"name": "umbrella", "monthlyFee": 1, "currency": "GBP", "noticeEmail": "a@b.example", "billingEmail": "a@b.example"}""",
                409, "name");
        expectRefusal(post("/api/admin/organisations"), """
                {"name": "Soylent", "monthlyFee": 1, "currency": "XYZ", "noticeEmail": "a@b.example", "billingEmail": "a@b.example"}""",
                400, "currency");
        expectRefusal(post("/api/admin/organisations"), """
                {"name": "Soylent", "monthlyFee": 1, "currency": "EUR", "noticeEmail": "not an address", "billingEmail": "a@b.example"}""",
                400, "noticeEmail");
        expectRefusal(post("/api/admin/organisations"), """
                {"name": "Soylent", "monthlyFee": -5, "currency": "EUR", "noticeEmail": "a@b.example", "billingEmail": "a@b.example"}""",
                400, "monthlyFee");
        expectRefusal(post("/api/admin/organisations"), """
                {"name": "Soylent", "monthlyFee": 1, "currency": "EUR", "noticeEmail": "a@b.example", "billingEmail": "a@b.example",
                 "components": ["no-such"]}""", 400, "components");
        assertThat(directory.findOrganisationByName("Soylent")).as("nothing half-written").isEmpty();

        mvc.perform(asAdmin(patch("/api/admin/organisations/" + id)).content("""
                {"monthlyFee": 4500.50}""")).andExpect(status().isOk())
                .andExpect(jsonPath("$.monthlyFee").value(4500.50)).andExpect(jsonPath("$.currency").value("GBP"));
        assertThat(audit.latest("organisation", String.valueOf(id), 10)).extracting(e -> e.action() + ": " + e.detail())
                .anySatisfy(line -> assertThat(line).startsWith("change: before: ").contains("fee 4000.00 GBP")
                        .contains("after: ").contains("fee 4500.50 GBP"))
                .anySatisfy(line -> assertThat(line).startsWith("create: "));

        // a customer of a deactivated organisation can no longer sign in
        MvcResult customer = mvc.perform(asAdmin(post("/api/admin/users")).content("""
                {"email": "alice@umbrella.example", "role": "CUSTOMER", "organisationId": %d}""".formatted(id)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("invited")).andReturn();
        setPasswordFromLink(linkMailedTo("alice@umbrella.example"), PASSWORD);
        mvc.perform(get("/api/availability").with(httpBasic("alice@umbrella.example", PASSWORD))).andExpect(status().isOk());
        mvc.perform(asAdmin(post("/api/admin/organisations/" + id + "/deactivate"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/availability").with(httpBasic("alice@umbrella.example", PASSWORD)))
                .andExpect(status().isUnauthorized());
        assertThat(body(customer).get("organisationName").asText()).isEqualTo("Umbrella");
    }

    @Test
    @Order(4)
    void peopleAreInvitedOnceWithLinksThatWorkOnceAndDeactivationEndsEverything(CapturedOutput output) throws Exception {
        administratorIsSetUp(output);
        expectRefusal(post("/api/admin/users"), """
                {"email": "nobody", "role": "SRE"}""", 400, "email");
        expectRefusal(post("/api/admin/users"), """
                {"email": "cust@example.com", "role": "CUSTOMER"}""", 400, "organisationId");
        expectRefusal(post("/api/admin/users"), """
                {"email": "cust@example.com", "role": "WIZARD"}""", 400, "role");
        MvcResult invited = mvc.perform(asAdmin(post("/api/admin/users")).content("""
                {"email": "Dana@Example.com", "role": "SRE", "username": "dana"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.username").value("dana"))
                .andExpect(jsonPath("$.email").value("dana@example.com")).andReturn();
        long id = body(invited).get("id").asLong();
        expectRefusal(post("/api/admin/users"), """
                {"email": "dana@example.com", "role": "SRE"}""", 409, "email");
        expectRefusal(post("/api/admin/users"), """
                {"email": "dana2@example.com", "role": "SRE", "username": "dana"}""", 409, "username");

        String first = linkMailedTo("dana@example.com");
        mvc.perform(asAdmin(post("/api/admin/users/" + id + "/resend-invitation"))).andExpect(status().isOk());
        String second = linkMailedTo("dana@example.com");
        assertThat(second).isNotEqualTo(first);
        assertThat(linkPage(first)).containsIgnoringCase("a newer link was sent since");
        // a weak password is refused, the link stays usable; then it works once
        mvc.perform(post("/account/password").with(csrf()).param("token", token(second)).param("password", "short")
                .param("confirmation", "short")).andExpect(status().isOk());
        assertThat(linkPage(second)).contains("Your user name is");
        setPasswordFromLink(second, PASSWORD);
        assertThat(linkPage(second)).containsIgnoringCase("this link has already been used");
        mvc.perform(asAdmin(post("/api/admin/users/" + id + "/resend-invitation"))).andExpect(status().isConflict());

        // an SRE's session and token end the moment the account is deactivated
        MockHttpSession session = signIn("dana", PASSWORD);
        mvc.perform(get("/sre").session(session)).andExpect(status().isOk());
        String token = createToken("dana", PASSWORD, "read");
        mvc.perform(get("/api/incidents").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(asAdmin(post("/api/admin/users/" + id + "/deactivate"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("deactivated"));
        mvc.perform(get("/sre").session(session)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/api/incidents").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/incidents").with(httpBasic("dana", PASSWORD))).andExpect(status().isUnauthorized());
        assertThat(audit.latest("user", String.valueOf(id), 10)).extracting(e -> e.actor() + " " + e.action())
                .contains(FreshInstallation.ADMIN_EMAIL + " invite", FreshInstallation.ADMIN_EMAIL + " deactivate",
                        "dana accept-invitation");

        // the last active ADMIN stays
        long adminId = directory.findUserByEmail(FreshInstallation.ADMIN_EMAIL).orElseThrow().id();
        mvc.perform(asAdmin(post("/api/admin/users/" + adminId + "/deactivate"))).andExpect(status().isConflict());
        mvc.perform(asAdmin(patch("/api/admin/users/" + adminId)).content("{\"role\": \"SRE\"}")).andExpect(status().isConflict());
    }

    @Test
    @Order(5)
    void forgotPasswordAnswersTheSameForEveryAddressAndMailsAtMostThreeAnHour(CapturedOutput output) throws Exception {
        administratorIsSetUp(output);
        mvc.perform(asAdmin(post("/api/admin/users")).content("""
                {"email": "erin@example.com", "role": "LEADERSHIP"}""")).andExpect(status().isCreated());
        setPasswordFromLink(linkMailedTo("erin@example.com"), PASSWORD);
        String unknown = mvc.perform(post("/login/forgot").with(csrf()).param("email", "nobody@example.com"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String known = mvc.perform(post("/login/forgot").with(csrf()).param("email", "erin@example.com"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(strip(known)).isEqualTo(strip(unknown));
        MailDelivery.deliverAll(context);
        assertThat(smtp.getReceivedMessagesForDomain("nobody@example.com")).isEmpty();
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/forgot").with(csrf()).param("email", "erin@example.com")).andExpect(status().isOk());
        }
        MailDelivery.deliverAll(context);
        List<String> subjects = java.util.Arrays.stream(smtp.getReceivedMessagesForDomain("erin@example.com"))
                .map(m -> { try { return m.getSubject(); } catch (Exception e) { throw new IllegalStateException(e); } })
                .filter(s -> s.startsWith("Reset")).toList();
        assertThat(subjects).as("three resets an hour, whatever is asked").hasSize(3);
        String reset = linkMailedTo("erin@example.com");
        setPasswordFromLink(reset, "Second-Fresh-Orchard-88");
        mvc.perform(get("/api/incidents").with(httpBasic("erin@example.com", "Second-Fresh-Orchard-88"))).andExpect(status().isOk());
    }

    @Test
    @Order(6)
    void changingYourPasswordEndsYourOtherSessions(CapturedOutput output) throws Exception {
        administratorIsSetUp(output);
        mvc.perform(asAdmin(post("/api/admin/users")).content("""
                {"email": "fred@example.com", "role": "CTO", "username": "fred"}""")).andExpect(status().isCreated());
        setPasswordFromLink(linkMailedTo("fred@example.com"), PASSWORD);
        MockHttpSession laptop = signIn("fred", PASSWORD);
        TestClock.pin(TestClock.now().plusSeconds(5));
        MockHttpSession phone = signIn("fred", PASSWORD);
        mvc.perform(get("/leadership").session(laptop)).andExpect(status().isOk());
        TestClock.pin(TestClock.now().plusSeconds(5));
        mvc.perform(post("/account/password/change").session(phone).with(csrf()).param("currentPassword", PASSWORD)
                .param("password", "New-Lighthouse-Copper-31").param("confirmation", "New-Lighthouse-Copper-31"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/leadership").session(phone)).andExpect(status().isOk());
        mvc.perform(get("/leadership").session(laptop)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    @Order(7)
    void componentsHaveImmutableCheckedCodesAndARetiredOneTakesNoNewIncidents(CapturedOutput output) throws Exception {
        administratorIsSetUp(output);
        expectRefusal(post("/api/admin/components"), "{\"code\": \"Bad Code\", \"name\": \"X\"}", 400, "code");
        expectRefusal(post("/api/admin/components"), "{\"code\": \"x\", \"name\": \"X\"}", 400, "code");
        component("search", "Search");
        expectRefusal(post("/api/admin/components"), "{\"code\": \"search\", \"name\": \"Search 2\"}", 409, "code");
        expectRefusal(post("/api/admin/components"), "{\"code\": \"search-2\", \"name\": \"search\"}", 409, "name");
        mvc.perform(asAdmin(post("/api/admin/component-groups")).content("{\"name\": \"Platform\"}")).andExpect(status().isCreated());
        mvc.perform(asAdmin(patch("/api/admin/components/search")).content("{\"name\": \"Search API\", \"group\": \"Platform\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.group").value("Platform"))
                .andExpect(jsonPath("$.code").value("search"));
        expectRefusal(patch("/api/admin/components/search"), "{\"code\": \"other\"}", 400, "code");
        String token = serviceToken("pipeline", "incidents:write");
        assertThat(openIncident(token, "search")).isEqualTo(201);
        mvc.perform(asAdmin(post("/api/admin/components/search/retire"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.retired").value(true));
        assertThat(openIncident(token, "search")).isEqualTo(400);
        mvc.perform(get("/status.json")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Search API")));
    }

    @Test
    @Order(8)
    void tokensWorkWithinTheirScopesOnTheApiOnlyAndStopAtRevocationOrExpiry(CapturedOutput output) throws Exception {
        administratorIsSetUp(output);
        component("gateway", "Gateway");
        String reader = createToken(FreshInstallation.ADMIN_EMAIL, ADMIN_PASSWORD, "read");
        mvc.perform(get("/api/admin/users").header("Authorization", "Bearer " + reader)).andExpect(status().isOk());
        mvc.perform(post("/api/admin/components").header("Authorization", "Bearer " + reader)
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"zz\", \"name\": \"ZZ\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tokens").header("Authorization", "Bearer " + reader).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"more\", \"scopes\": [\"read\"]}")).andExpect(status().isForbidden());
        // never on pages
        mvc.perform(get("/admin").header("Authorization", "Bearer " + reader)).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/api/incidents").header("Authorization", "Bearer sla_not-a-token")).andExpect(status().isUnauthorized());

        String gate = serviceToken("ci-change-gate", "changes:write");
        mvc.perform(post("/api/changes").header("Authorization", "Bearer " + gate).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Deploy 1.2.3\", \"kind\": \"feature\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.decision").exists())
                .andExpect(jsonPath("$.requestedBy").value("token:ci-change-gate"));
        assertThat(openIncident(gate, "gateway")).as("changes:write cannot open incidents").isEqualTo(403);

        String writer = serviceToken("alertmanager", "incidents:write");
        assertThat(openIncident(writer, "gateway")).isEqualTo(201);
        TestClock.pin(TestClock.now().plus(Duration.ofDays(91)));
        assertThat(openIncident(writer, "gateway")).as("expired after 90 days").isEqualTo(401);
        expectRefusal(post("/api/admin/tokens"), "{\"name\": \"long\", \"scopes\": [\"read\"], \"expiresInDays\": 400}",
                400, "expiresInDays");
        expectRefusal(post("/api/admin/tokens"), "{\"name\": \"odd\", \"scopes\": [\"admin\"]}", 400, "scopes");
    }


    @Test
    @Order(9)
    void theDocumentedPipelineStepDeploysOnlyWhatTheChangeGateApproves(CapturedOutput output) throws Exception {
        administratorIsSetUp(output);
        component("ledger", "Ledger");
        String token = serviceToken("ci-pipeline", "changes:write");
        Gate approved = changeGate(token, "checkout 1.4.2");
        assertThat(approved.exitCode()).as(approved.output()).isZero();
        assertThat(approved.output()).contains("is APPROVED");

        // 40 minutes of outage this month: less than a quarter of the 43-minute budget is left
        String incidents = serviceToken("backfill", "incidents:write");
        java.time.Instant now = TestClock.now();
        mvc.perform(post("/api/incidents").header("Authorization", "Bearer " + incidents)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Ledger outage", "severity": "P2", "components": ["ledger"], "environment": "production",
                         "impact": "outage", "openedAt": "%s", "resolvedAt": "%s", "cause": "internal"}"""
                        .formatted(now.minus(Duration.ofMinutes(41)), now.minus(Duration.ofMinutes(1)))))
                .andExpect(status().isCreated());
        Gate refused = changeGate(token, "checkout 1.5.0");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("not approved, the deploy stops here").doesNotContain("is APPROVED");

        Gate revoked = changeGate("sla_revoked-or-unknown", "checkout 1.5.1");
        assertThat(revoked.exitCode()).as(revoked.output()).isEqualTo(2);
    }

    record Gate(int exitCode, String output) {
    }

    /** Runs ops/ci/change-gate.sh, as docs/ci-change-gate.md shows it in a pipeline, against this service. */
    private Gate changeGate(String token, String title) throws Exception {
        ProcessBuilder step = new ProcessBuilder("bash", "ops/ci/change-gate.sh").redirectErrorStream(true);
        step.environment().put("SLADESK_URL", "http://localhost:" + port);
        step.environment().put("SLADESK_TOKEN", token);
        step.environment().put("CHANGE_TITLE", title);
        step.environment().put("CHANGE_TESTING", "https://ci.example/run/42");
        Process process = step.start();
        String printed = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new Gate(process.exitValue(), printed);
    }

    // ---------------------------------------------------------------- helpers

    private void component(String code, String name) throws Exception {
        mvc.perform(asAdmin(post("/api/admin/components")).content("""
                {"code": "%s", "name": "%s"}""".formatted(code, name))).andExpect(status().isCreated());
    }

    private void expectRefusal(MockHttpServletRequestBuilder request, String content, int status, String field)
            throws Exception {
        mvc.perform(asAdmin(request).content(content)).andExpect(status().is(status))
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private static String token(String link) {
        return link.replaceFirst(".*token=", "");
    }

    private String linkPage(String link) throws Exception {
        return mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void setPasswordFromLink(String link, String password) throws Exception {
        mvc.perform(post("/account/password").with(csrf()).param("token", token(link)).param("password", password)
                .param("confirmation", password)).andExpect(status().is3xxRedirection());
    }

    private MockHttpSession signIn(String user, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin().user(user).password(password)).andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
        return session;
    }

    private String createToken(String user, String password, String scope) throws Exception {
        MvcResult result = mvc.perform(post("/api/tokens").with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"script\", \"scopes\": [\"" + scope + "\"]}")).andExpect(status().isCreated()).andReturn();
        return body(result).get("secret").asText();
    }

    private String serviceToken(String name, String scope) throws Exception {
        MvcResult result = mvc.perform(asAdmin(post("/api/admin/tokens")).content(
                "{\"name\": \"" + name + "\", \"scopes\": [\"" + scope + "\"]}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.kind").value("service")).andReturn();
        return body(result).get("secret").asText();
    }

    private int openIncident(String token, String component) throws Exception {
        return mvc.perform(post("/api/incidents").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "%s down", "severity": "P3", "components": ["%s"],
                         "environment": "production", "impact": "degraded"}""".formatted(component, component)))
                .andReturn().getResponse().getStatus();
    }

    /** A page without its per-request CSRF token and the server's time. */
    private static String strip(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]*\"", "")
                .replaceAll("data-now=\"[^\"]*\"", "");
    }

    private int openIncident(String token) throws Exception {
        return mvc.perform(post("/api/incidents").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Core API down (from Alertmanager)", "severity": "P2", "components": ["core-api"],
                         "environment": "production", "impact": "degraded"}""")).andReturn().getResponse().getStatus();
    }

    private static void setPassword(WebDriver browser, String password) {
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("confirmation")).sendKeys(password);
        BrowserSupport.clickAndWait(browser, By.cssSelector("#set-password-form button[type=submit]"));
    }

    private static void signIn(WebDriver browser, String base, String user, String password) {
        BrowserSupport.signIn(browser, base, user, password);
    }

    private static void signOut(WebDriver browser) {
        BrowserSupport.clickAndWait(browser, By.cssSelector("header .who form button"));
    }

    private static void providerSignIn(WebDriver browser, String user, String password) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void invite(WebDriver browser, String base, String email, String role, String organisation) {
        browser.get(base + "/admin/users");
        browser.findElement(By.id("email")).sendKeys(email);
        new Select(browser.findElement(By.id("role"))).selectByValue(role);
        if (organisation != null) {
            new Select(browser.findElement(By.id("organisationId"))).selectByVisibleText(organisation);
        }
        BrowserSupport.clickAndWait(browser, By.cssSelector("#invite-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Invitation mailed to " + email);
    }
}
