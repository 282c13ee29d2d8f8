package com.sladesk.portal.web;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the service where to sign in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;

    StartupBanner(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        if (!"server".equals(event.getApplicationContext().getServerNamespace())
                && event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        String base = "http://localhost:" + event.getWebServer().getPort();
        boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
        log.info("""

                ==================================================================
                 SLA Desk is up: sign in at {}/login
                 Cockpit (ADMIN): {}/camunda/app/cockpit/default/
                 {}
                ==================================================================""", base, base,
                demo ? "Demo logins (password 'demo'): acme, globex, sre, sre2, leader, cto, admin"
                        : "No demo users: create users in the database (profile 'demo' adds them)");
    }
}
