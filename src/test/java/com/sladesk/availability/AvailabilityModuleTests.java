package com.sladesk.availability;

import com.sladesk.SlaDeskModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The availability engine alone (its outages come from the incident module, which depends on it,
 * so here they come from a mock): any {@link OutageEvent} makes it forget what it computed, with
 * nobody calling it.
 */
@SlaDeskModuleTest
class AvailabilityModuleTests {

    record SomethingChanged() implements OutageEvent {
    }

    @MockitoBean
    OutageSource outages;

    @Autowired
    AvailabilityService availability;

    @Test
    void anOutageEventMakesTheEngineForgetWhatItComputed(Scenario scenario) {
        long before = availability.dataVersion();
        scenario.publish(new SomethingChanged())
                .andWaitForStateChange(availability::dataVersion, version -> version > before)
                .andVerify(version -> assertThat(version).as("once when published, once when its transaction ended")
                        .isEqualTo(before + 2));
    }
}
