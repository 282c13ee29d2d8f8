package com.sladesk.portal.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.contract.CustomerSla;
import com.sladesk.organisation.OrganisationInfo;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.security.SignInOptions;
import com.sladesk.security.SignedInUser;
import com.sladesk.system.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each person to their role's home page and renders those pages. */
@Controller
class HomeController {

    static final String CUSTOMER_HOME = "portal/customer-home";
    static final String SRE_HOME = "portal/sre-home";
    static final String LEADERSHIP_HOME = "portal/leadership-home";
    static final String ADMIN_HOME = "portal/admin-home";

    private final Directory directory;
    private final ComponentCatalogue catalogue;
    private final Notifications notifications;
    private final AvailabilityService availability;
    private final Clock clock;
    private final SignInOptions signInOptions;
    private final CustomerSla customers;
    private final CustomerPortal portal;
    private final CustomerPortal.Contacts contacts;

    HomeController(Directory directory, ComponentCatalogue catalogue, Notifications notifications,
            AvailabilityService availability, Clock clock, SignInOptions signInOptions, CustomerSla customers,
            CustomerPortal portal, CustomerPortal.Contacts contacts) {
        this.signInOptions = signInOptions;
        this.customers = customers;
        this.portal = portal;
        this.contacts = contacts;
        this.directory = directory;
        this.catalogue = catalogue;
        this.notifications = notifications;
        this.availability = availability;
        this.clock = clock;
    }

    /** The current month's error-budget tier, which SRE and leadership home pages show. */
    private AvailabilityReport budget() {
        return availability.monthAndRollingToShow(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC))).month();
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("sso", signInOptions.singleSignOn().orElse(null));
        model.addAttribute("ssoPath", SignInOptions.SSO_PATH);
        // a fresh installation: say how to create the first administrator
        model.addAttribute("noUsers", directory.hasNoUsers());
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Object principal) {
        if (!(principal instanceof SignedInUser user)) {
            throw new AccessDeniedException("no home page for this account");
        }
        return switch (user.role()) {
            case CUSTOMER -> "redirect:/portal";
            case SRE -> "redirect:/sre";
            case LEADERSHIP, CTO -> "redirect:/leadership";
            case ADMIN -> "redirect:/admin";
        };
    }

    @GetMapping("/portal")
    String customerHome(@AuthenticationPrincipal SignedInUser user, Model model) {
        OrganisationInfo organisation = directory.findOrganisation(user.organisationId())
                .orElseThrow(() -> new NotFoundException("Organisation", user.organisationId()));
        List<String> covered = customers.coveredComponents(organisation);
        model.addAttribute("organisation", organisation);
        model.addAttribute("components", catalogue.all().stream().filter(c -> covered.contains(c.code())).toList());
        List<CustomerPortal.Month> months = portal.months(organisation.id());
        model.addAttribute("thisMonth", months.get(0));
        model.addAttribute("months", months.subList(1, months.size()));
        model.addAttribute("incidents", portal.incidents(covered));
        model.addAttribute("maintenance", portal.maintenance(covered));
        model.addAttribute("contacts", contacts);
        return CUSTOMER_HOME;
    }

    @GetMapping("/sre")
    String sreHome(Model model) {
        model.addAttribute("budget", budget());
        model.addAttribute("components", catalogue.all());
        model.addAttribute("undelivered", notifications.undeliveredCount());
        return SRE_HOME;
    }

    @GetMapping("/leadership")
    String leadershipHome(Model model) {
        model.addAttribute("budget", budget());
        model.addAttribute("organisations", directory.allOrganisations());
        return LEADERSHIP_HOME;
    }

    @GetMapping("/admin")
    String adminHome(Model model) {
        model.addAttribute("users", directory.allUsers());
        model.addAttribute("organisations", directory.allOrganisations());
        model.addAttribute("undelivered", notifications.undeliveredCount());
        return ADMIN_HOME;
    }
}
