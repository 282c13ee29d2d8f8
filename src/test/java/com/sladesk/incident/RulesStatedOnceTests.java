package com.sladesk.incident;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.SlaDeskModuleTest;
import com.sladesk.SlaDeskTest;
import com.sladesk.notification.MailDelivery;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rules stated once: with the warning point and the availability target changed in configuration
 * (80% and 99.5% instead of 75% and 99.9%), the timers, the warning mail, the pages and the API all
 * follow, and nothing still says the old numbers. A context of its own, closed after the class.
 */
@SlaDeskTest
@TestPropertySource(properties = { "sladesk.incident.warning-fraction=0.8", "sladesk.availability.target-percent=99.5",
        "spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=1",
        "camunda.bpm.process-engine-name=rulestests", SlaDeskModuleTest.WITHOUT_ENGINE_WEBAPPS,
        SlaDeskModuleTest.WITHOUT_ENGINE_REST })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RulesStatedOnceTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationContext context;

    @Test
    void theWarningPointIsReadFromConfigurationByTheTimersAndTheMail() throws Exception {
        IncidentView incident = incidents.open(new NewIncident("Rules drill: warning at 80%", null, Severity.P2,
                List.of("core"), Environment.PRODUCTION, Impact.DEGRADED, null, null), "sre");
        assertThat(Duration.between(incident.openedAt(), incident.responseWarnAt())).as("80% of 4 hours")
                .isEqualTo(Duration.ofMinutes(192));

        incidents.recordSlaEvent(incident.id(), SlaTarget.RESPONSE, SlaEventKind.WARNING);
        MailDelivery.deliverAll(context);
        MimeMessage warning = null;
        for (MimeMessage m : smtp.getReceivedMessagesForDomain("sre@sla-desk.example")) {
            if (m.getSubject().contains("#" + incident.id() + " response breaching soon")) {
                warning = m;
            }
        }
        assertThat(warning).as("the warning mail to an SRE").isNotNull();
        assertThat(GreenMailUtil.getBody(warning)).contains("80% of the response target has passed")
                .doesNotContain("75%");
    }

    @Test
    void theTargetIsReadFromConfigurationByThePagesAndTheApi() throws Exception {
        String home = mvc.perform(get("/portal").with(user(users.loadUserByUsername("acme"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("<strong>99.5%</strong> monthly availability", "99.5%</span> monthly availability target")
                .doesNotContain("99.9");
        String status = mvc.perform(get("/status")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(status).contains("99.5%</span> monthly availability target").doesNotContain("99.9%");
        mvc.perform(get("/api/availability").param("month", "2021-02").with(httpBasic("sre", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targetPercent").value(99.5))
                .andExpect(jsonPath("$.errorBudgetMinutes").value(201.6));
    }
}
