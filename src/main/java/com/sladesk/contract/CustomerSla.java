package com.sladesk.contract;

import java.time.YearMonth;
import java.util.List;

import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.AvailabilityService.MonthAndRolling;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentInfo;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationInfo;
import com.sladesk.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The module's API for a customer's own figures: its month over the components its contract
 * covers (a contract that names none covers the whole service, as the SLA's scope does), against
 * its plan's target, and the credit its plan's tiers give.
 */
@Service
public class CustomerSla {

    private final Directory directory;
    private final SlaPlans plans;
    private final AvailabilityService availability;
    private final ComponentCatalogue catalogue;

    CustomerSla(Directory directory, SlaPlans plans, AvailabilityService availability, ComponentCatalogue catalogue) {
        this.directory = directory;
        this.plans = plans;
        this.availability = availability;
        this.catalogue = catalogue;
    }

    /** One organisation's month: who, under which terms, over which components, and the figures. */
    public record CustomerMonth(OrganisationInfo organisation, PlanTerms plan, List<String> components,
            MonthAndRolling report, int creditPercent) {
    }

    /** For decisions (a credit, a statement): never an answer from before a change. */
    public CustomerMonth month(long organisationId, YearMonth month) {
        return compute(organisationId, month, false);
    }

    /** For a screen or the API: at most {@code sladesk.availability.changes-shown-within} old after a change. */
    public CustomerMonth monthToShow(long organisationId, YearMonth month) {
        return compute(organisationId, month, true);
    }

    /** The component codes an organisation's contract covers (all, when it names none). */
    public List<String> coveredComponents(OrganisationInfo organisation) {
        return organisation.components().isEmpty()
                ? catalogue.all().stream().map(ComponentInfo::code).sorted().toList()
                : organisation.components();
    }

    private CustomerMonth compute(long organisationId, YearMonth month, boolean toShow) {
        OrganisationInfo organisation = directory.findOrganisation(organisationId)
                .orElseThrow(() -> new NotFoundException("Organisation", organisationId));
        PlanTerms terms = plans.termsFor(organisationId, month);
        List<String> components = coveredComponents(organisation);
        MonthAndRolling report = toShow ? availability.monthForToShow(month, components, terms.targetPercent())
                : availability.monthFor(month, components, terms.targetPercent());
        return new CustomerMonth(organisation, terms, components, report,
                plans.creditPercent(terms, report.month().exactAvailabilityPercent()));
    }
}
