package com.sladesk.maintenance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sladesk.SlaDeskModuleTest;
import com.sladesk.TestClock;
import com.sladesk.audit.AuditEntry;
import com.sladesk.audit.AuditTrail;
import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The maintenance module with what it uses: scheduling and cancelling are announced; the audit log
 * and the availability engine react to the events (a cancelled window stops excluding downtime at
 * once).
 */
@SlaDeskModuleTest(extraIncludes = { "audit", "availability" })
class MaintenanceModuleTests {

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    IncidentService incidents;

    @Autowired
    AvailabilityService availability;

    @Autowired
    AuditTrail audit;

    @Test
    void aCancelledWindowIsAnnouncedAuditedAndExcludesNothingAtOnce(Scenario scenario) {
        YearMonth month = YearMonth.of(2019, 7); // a month no other test uses
        TestClock.pin("2019-07-01T10:00:00Z");
        Instant start = Instant.parse("2019-07-14T02:00:00Z");
        AtomicLong scheduled = new AtomicLong();
        scenario.stimulate(() -> maintenance.schedule(new NewMaintenance("Module drill: upgrade", null,
                        MaintenanceType.STANDARD, start, start.plusSeconds(7200), List.of("data"),
                        List.of(Activity.DATABASE_UPGRADE), null), "sre"))
                .andWaitForEventOfType(MaintenanceScheduled.class)
                .matching(event -> event.startsAt().equals(start))
                .toArriveAndVerify((event, window) -> {
                    assertThat(event.maintenanceId()).isEqualTo(window.id());
                    scheduled.set(window.id());
                });
        long id = scheduled.get();

        TestClock.pin("2019-07-20T10:00:00Z");
        Instant down = start.plusSeconds(1800);
        long incident = incidents.open(new NewIncident("Module drill: outage in the window", null, Severity.P2,
                List.of("data"), Environment.PRODUCTION, Impact.OUTAGE, down, null), "sre").id();
        incidents.resolve(incident, down.plusSeconds(3600), Cause.INTERNAL, "sre");
        AvailabilityReport excluded = availability.month(month);

        scenario.stimulate(() -> maintenance.cancel(id, "Vendor postponed", "sre"))
                .andWaitForEventOfType(MaintenanceCancelled.class)
                .matching(event -> event.maintenanceId() == id)
                .toArriveAndVerify(event -> {
                    assertThat(audit.latest("maintenance", String.valueOf(id), 5))
                            .extracting(AuditEntry::action, AuditEntry::detail)
                            .containsExactly(tuple("cancel", "Vendor postponed"));
                    assertThat(availability.month(month).downtimeMinutes()).as("the hour is downtime again")
                            .isEqualByComparingTo(excluded.downtimeMinutes().add(BigDecimal.valueOf(60)));
                });
    }
}
