package com.sladesk.calibration;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.audit.AuditEntry;
import com.sladesk.audit.AuditTrail;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.SlaPolicyVersion;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.system.ForbiddenException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.RuleViolationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * A calibration on demand, in December 2039 (no other test computes 2040): proposed from the
 * year's figures, refused below the credit tiers' top bound, reviewed by the SRE lead, approved by
 * VP Engineering, and the new version is what January 2040's figures and incidents use.
 */
@SlaDeskTest
@Tag("clock")
class CalibrationTests {

    @Autowired
    CalibrationService calibrations;

    @Autowired
    AvailabilityService availability;

    @Autowired
    IncidentService incidents;

    @Autowired
    AuditTrail audit;

    @Autowired
    ProcessEngine engine;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void tearDown() {
        TestClock.runFromStart();
        reset();
    }

    @Test
    void anApprovedCalibrationIsANewVersionThatTheNextMonthUses() throws Exception {
        TestClock.pin("2039-12-15T10:00:00Z");
        assertThatThrownBy(() -> calibrations.request(2041, "sre2")).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "year");
        calibrations.request(2039, "sre2");
        CalibrationView proposed = calibrations.list().stream().filter(c -> c.year() == 2039).findFirst().orElseThrow();
        assertThat(proposed.status()).isEqualTo("PROPOSED");
        assertThat(proposed.figures()).contains("2039: availability", "P1: ");
        assertThat(proposed.effectiveFrom()).isEqualTo(LocalDate.parse("2040-01-01"));
        assertThat(proposed.responseTargets()).containsEntry("P1", "PT1H/PT4H");
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(CalibrationService.KEY)
                .processInstanceBusinessKey(String.valueOf(proposed.id())).singleResult();
        assertThat(pi).isWaitingAt(CalibrationService.REVIEW);

        // the credit tiers' top bound is 99.0%: a target at or below it is refused with the rule
        assertThat(calibrations.creditTiersTopBound()).isEqualByComparingTo("99.0");
        for (String tooLow : List.of("98.5", "99.0")) {
            assertThatThrownBy(() -> calibrations.review(proposed.id(), adjust(tooLow, "2040-01-01"), "sre2"))
                    .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("field", "targetPercent")
                    .hasFieldOrPropertyWithValue("rule", "credit-tiers");
        }
        assertThatThrownBy(() -> calibrations.review(proposed.id(), adjust("99.5", "2040-01-15"), "sre2"))
                .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("field", "effectiveFrom");
        assertThatThrownBy(() -> calibrations.review(proposed.id(), adjust("99.5", "2040-01-01"), "sre"))
                .isInstanceOf(ForbiddenException.class);
        calibrations.review(proposed.id(), adjust("99.5", "2040-01-01"), "sre2");
        assertThat(pi).isWaitingAt(CalibrationService.APPROVE);
        assertThatThrownBy(() -> calibrations.decide(proposed.id(), true, "ok", "sre2")).isInstanceOf(ForbiddenException.class);
        CalibrationView approved = calibrations.decide(proposed.id(), true, "Agreed at the review", "leader");
        assertThat(pi).isEnded().hasPassed("EndEvent_VersionCreated");
        CalibrationView done = calibrations.find(approved.id());
        assertThat(done.policyVersion()).isNotNull();
        SlaPolicyVersion version = calibrations.versions().stream().filter(v -> v.version() == done.policyVersion())
                .findFirst().orElseThrow();
        assertThat(version.effectiveFrom()).isEqualTo(LocalDate.parse("2040-01-01"));
        assertThat(version.sreLead()).isEqualTo("sre2");
        assertThat(version.vpEngineering()).isEqualTo("leader");
        assertThat(audit.latest("sla-policy", String.valueOf(version.version()), 5)).extracting(AuditEntry::action)
                .contains("create-policy-version");

        // the versions as the API lists them: plain numbers (50, never 5E+1), the approvers
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/policy-versions")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("cto", "demo")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("E+"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].reducedAtPercent").value(50))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$[?(@.version == " + version.version() + ")].vpEngineering").value("leader"));

        // December keeps 99.9%; January 2040 computes with 99.5%: a 223.2-minute budget in 31 days
        assertThat(availability.month(YearMonth.of(2039, 12)).targetPercent()).isEqualByComparingTo("99.9");
        TestClock.pin("2040-01-10T10:00:00Z");
        assertThat(availability.month(YearMonth.of(2040, 1)).targetPercent()).isEqualByComparingTo("99.5");
        assertThat(availability.month(YearMonth.of(2040, 1)).errorBudgetMinutes()).isEqualByComparingTo("223.2");
        // and an incident opened in January answers to the calibrated P1 response target
        IncidentView p1 = incidents.open(new NewIncident("Calibrated " + System.nanoTime(), null, Severity.P1,
                List.of("api"), Environment.PRODUCTION, Impact.NONE, null, null), "sre");
        assertThat(Duration.between(p1.openedAt(), p1.responseDueAt())).isEqualTo(Duration.ofMinutes(30));
    }

    private static Adjustment adjust(String target, String effective) {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("P1", "PT30M/PT4H");
        targets.put("P2", "PT4H/PT8H");
        targets.put("P3", "PT8H/PT16H");
        targets.put("P4", "PT24H/PT168H");
        return new Adjustment(new BigDecimal(target), null, null, targets, LocalDate.parse(effective), "one step tighter");
    }
}
