package com.sladesk.credit;

import java.math.BigDecimal;

import com.sladesk.SlaDeskTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision table bpmn/credit/credit-tier.dmn, evaluated by the engine, at and around each tier bound. */
@SlaDeskTest
class CreditTierDecisionTests {

    @Autowired
    CreditTiers tiers;

    @ParameterizedTest(name = "{0}% earns {1}%")
    @CsvSource({ "0, 100", "94.999, 100", "95.0, 50", "95.001, 50", "97.999, 50", "98.0, 25", "98.5, 25",
            "98.999, 25", "98.9999999999, 25", "99.0, 0", "99.5, 0", "99.9, 0", "100, 0" })
    void tiersAreStrictAtTheirBounds(BigDecimal availability, int percent) {
        assertThat(tiers.percentFor(availability)).isEqualTo(percent);
    }

    @ParameterizedTest(name = "{1}% of {0} is {2}")
    @CsvSource({ "10000.00, 25, 2500.00", "2500.00, 50, 1250.00", "333.33, 25, 83.33", "333.34, 25, 83.34",
            "0.02, 25, 0.01", "1234.57, 100, 1234.57", "99.99, 0, 0.00" })
    void amountIsTheFeeTimesThePercentRoundedHalfUpToCents(BigDecimal fee, int percent, BigDecimal amount) {
        assertThat(CreditTiers.amount(fee, percent)).isEqualByComparingTo(amount);
        assertThat(CreditTiers.amount(fee, percent).scale()).isEqualTo(2);
    }
}
