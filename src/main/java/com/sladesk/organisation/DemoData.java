package com.sladesk.organisation;

import java.math.BigDecimal;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's organisations and users, created only when missing, so a restart keeps what
 * people changed. Outside this profile no default password exists.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Directory directory;

    DemoData(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        OrganisationInfo acme = organisation("Acme Corp", "10000.00", "ops@acme.example");
        OrganisationInfo globex = organisation("Globex", "2500.00", "it@globex.example");
        user("acme", "acme@acme.example", Role.CUSTOMER, acme.id());
        user("globex", "globex@globex.example", Role.CUSTOMER, globex.id());
        user("sre", "sre@sla-desk.example", Role.SRE, null);
        user("sre2", "sre2@sla-desk.example", Role.SRE, null);
        user("leader", "leader@sla-desk.example", Role.LEADERSHIP, null);
        user("cto", "cto@sla-desk.example", Role.CTO, null);
        user("admin", "admin@sla-desk.example", Role.ADMIN, null);
    }

    private OrganisationInfo organisation(String name, String fee, String contact) {
        return directory.findOrganisationByName(name).orElseGet(() -> {
            log.info("Demo data: creating organisation {}", name);
            return directory.createOrganisation(name, new BigDecimal(fee), "USD", Set.of(contact));
        });
    }

    private void user(String username, String email, Role role, Long organisationId) {
        if (!directory.userExists(username)) {
            directory.createUser(username, email, PASSWORD, role, organisationId);
        }
    }
}
