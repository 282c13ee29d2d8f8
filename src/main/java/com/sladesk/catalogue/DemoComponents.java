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
    }

    private void add(String code, String name, String description) {
        if (catalogue.findByCode(code).isEmpty()) {
            catalogue.add(code, name, description, false);
        }
    }
}
