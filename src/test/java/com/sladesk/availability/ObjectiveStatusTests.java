package com.sladesk.availability;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLO section 1's status scale for a request-based SLO of any target: at 99.9% it is the SLA's own
 * (Healthy ≥ 99.9, Warning 99.5–99.9, Critical < 99.5); elsewhere Warning runs to five times the
 * target's error rate.
 */
class ObjectiveStatusTests {

    @ParameterizedTest(name = "{0}% against {1}%: {2}")
    @CsvSource({ "100, 99.9, HEALTHY", "99.9, 99.9, HEALTHY", "99.899999, 99.9, WARNING", "99.5, 99.9, WARNING",
            "99.499999, 99.9, CRITICAL", "95, 95, HEALTHY", "75, 95, WARNING", "74.9, 95, CRITICAL",
            "10, 50, WARNING" })
    void theSlasBandsAndTheirGeneralisation(double sli, String target, AvailabilityStatus expected) {
        assertThat(AvailabilityStatus.ofObjective(sli, new BigDecimal(target))).isEqualTo(expected);
        if (target.equals("99.9")) {
            // the same answer as the incident-based scale, whose Warning starts at the SLA's 99.5
            assertThat(AvailabilityStatus.of(BigDecimal.valueOf(sli), new BigDecimal(target))).isEqualTo(expected);
        }
    }
}
