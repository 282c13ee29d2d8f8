package com.sladesk.portal.web;

import com.sladesk.SlaDeskModuleTest;
import com.sladesk.availability.OutageEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal with the modules it reads: the public status page is rebuilt after any outage event. */
@SlaDeskModuleTest
class PortalModuleTests {

    record SomethingChanged() implements OutageEvent {
    }

    @Autowired
    StatusPageBuilder builder;

    @Test
    void theStatusPageIsRebuiltAfterAnOutageEvent(Scenario scenario) {
        StatusPage before = builder.build();
        assertThat(builder.build()).as("reused while nothing changes").isSameAs(before);
        scenario.publish(new SomethingChanged())
                .andWaitForStateChange(builder::build, page -> page != before)
                .andVerify(page -> assertThat(page.components()).isNotEmpty());
    }
}
