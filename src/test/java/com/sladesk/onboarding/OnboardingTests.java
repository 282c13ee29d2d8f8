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
