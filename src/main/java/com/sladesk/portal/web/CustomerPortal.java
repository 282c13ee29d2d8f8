package com.sladesk.portal.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sladesk.contract.CustomerSla;
import com.sladesk.credit.CreditRequestView;
import com.sladesk.credit.CreditService;
import com.sladesk.credit.CreditTiers;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.maintenance.MaintenanceService;
import com.sladesk.maintenance.MaintenanceView;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What the customer's home shows: this month so far and the last 12 months over the components
 * the contract covers, each closed month's credit and whether (and until when) it can be claimed;
 * the incidents and coming maintenance on those components; the SLA's contacts.
 */
@Component
class CustomerPortal {

    static final int MONTHS = 12;
    static final int INCIDENT_DAYS = 90;

    /** The SLA's contacts the portal states ({@code sladesk.portal.*}). */
    @ConfigurationProperties("sladesk.portal")
    record Contacts(String supportEmail, String onCallPhone, String statusPageUrl) {
    }

    /** One month on the customer's home. {@code claimBy} is set while a credit can still be claimed. */
    record Month(YearMonth month, boolean closed, BigDecimal availabilityPercent, BigDecimal targetPercent,
            BigDecimal downtimeMinutes, BigDecimal excludedMinutes, int creditPercent, BigDecimal creditAmount,
            String plan, boolean automatic, CreditRequestView claim, Instant claimBy) {

        public boolean met() {
            return availabilityPercent.compareTo(targetPercent) >= 0;
        }
    }

    private final CustomerSla customers;
    private final CreditService credits;
    private final IncidentService incidents;
    private final MaintenanceService maintenance;
    private final Clock clock;

    CustomerPortal(CustomerSla customers, CreditService credits, IncidentService incidents, MaintenanceService maintenance,
            Clock clock) {
        this.customers = customers;
        this.credits = credits;
        this.incidents = incidents;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    List<Month> months(long organisationId) {
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<CreditRequestView> claims = credits.list(organisationId);
        List<Month> months = new ArrayList<>();
        for (int back = 0; back <= MONTHS; back++) {
            YearMonth month = current.minusMonths(back);
            CustomerSla.CustomerMonth figures = customers.monthToShow(organisationId, month);
            var r = figures.report().month();
            Optional<CreditRequestView> claim = claims.stream().filter(c -> c.month().equals(month.toString())).findFirst();
            boolean closed = back > 0;
            Instant deadline = closed ? credits.claimDeadline(organisationId, month) : null;
            boolean claimable = closed && figures.creditPercent() > 0 && !figures.plan().automaticCredits()
                    && claim.isEmpty() && now.isBefore(deadline);
            months.add(new Month(month, closed, r.availabilityPercent(), figures.plan().targetPercent(),
                    r.downtimeMinutes(), r.excludedMinutes(), figures.creditPercent(),
                    CreditTiers.amount(figures.organisation().monthlyFee(), figures.creditPercent()), figures.plan().name(),
                    figures.plan().automaticCredits(), claim.orElse(null), claimable ? deadline : null));
        }
        return months;
    }

    /** Incidents of the last 90 days that touched a covered component, newest first. */
    List<IncidentView> incidents(List<String> components) {
        Instant now = clock.instant();
        List<IncidentView> touched = new ArrayList<>(
                incidents.overlapping(now.minus(java.time.Duration.ofDays(INCIDENT_DAYS)), now.plusSeconds(1), components));
        java.util.Collections.reverse(touched);
        return touched;
    }

    /** Scheduled maintenance not yet over on a covered component. */
    List<MaintenanceView> maintenance(List<String> components) {
        return maintenance.upcoming().stream().filter(m -> m.components().stream().anyMatch(components::contains)).toList();
    }
}
