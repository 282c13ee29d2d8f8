package com.sladesk.catalogue;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The four components of the SLA's scope ("Overview / Scope"), created when missing. */
@Component
@Profile("demo")
class DemoComponents implements ApplicationRunner {

    private final ComponentCatalogue catalogue;

    DemoComponents(ComponentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        add("core", "Core Services", "Workflow orchestration, adapter management, pool execution");
        add("mcp", "MCP Server Operations", "Session management, tool integration, message handling");
        add("data", "Data Services", "State management, caching, temporal memory");
        add("api", "API Endpoints", "REST and gRPC interfaces for external integration");
        // the status page's example group: shown collapsed with its worst status, subscribed to whole
        if (catalogue.groups().isEmpty()) {
            catalogue.createGroup("Platform", "demo");
            for (String code : java.util.List.of("core", "data")) {
                ComponentInfo c = catalogue.findByCode(code).orElseThrow();
                catalogue.change(code, new ComponentDraft(null, c.name(), c.description(), c.beta(), "Platform"), "demo");
            }
        }
    }

    private void add(String code, String name, String description) {
        if (catalogue.findByCode(code).isEmpty()) {
            catalogue.add(code, name, description, false);
        }
    }
}
