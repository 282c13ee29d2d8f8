package com.sladesk.availability;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers are remembered until an incident or maintenance window changes, and never past that. */
@SlaDeskTest
class AvailabilityCacheTests {

    @Autowired
    AvailabilityService availability;

    @Autowired
    IncidentService incidents;

    @Test
    void aRememberedMonthIsRecomputedOnceAnIncidentChangesIt() {
        YearMonth month = YearMonth.of(2021, 3); // a month no other test uses
        AvailabilityReport before = availability.month(month);
        assertThat(availability.monthAndRolling(month).month()).as("remembered").isSameAs(before);

        Instant start = Instant.parse("2021-03-10T10:00:00Z");
        long id = incidents.open(new NewIncident("Cache drill", null, Severity.P2, List.of("core"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), "sre").id();
        AvailabilityReport open = availability.month(month);
        assertThat(open).isNotSameAs(before);
        assertThat(open.downtimeMinutes()).isGreaterThan(before.downtimeMinutes());

        incidents.resolve(id, start.plusSeconds(3600), Cause.INTERNAL, "sre");
        AvailabilityReport resolved = availability.month(month);
        assertThat(resolved.downtimeMinutes()).isEqualByComparingTo(before.downtimeMinutes().add(java.math.BigDecimal.valueOf(60)));
    }
}
