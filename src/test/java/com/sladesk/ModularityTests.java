package com.sladesk;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SlaDeskApplication.class);

    @Test
    void theFeatureModulesAreTheDesignedOnes() {
        assertThat(modules.stream().map(ApplicationModule::getName)).contains("incident", "maintenance", "credit",
                "slaexception", "availability", "reporting", "notification", "calendar", "portal", "security",
                "organisation", "system");
    }

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        modules.verify();
    }

    @Test
    void aModuleReachingIntoAnothersInternalsIsCaught() {
        // the check is live: the probe application (in the test sources, so imported with them) has one
        // module using another's internal type
        assertThatThrownBy(() -> ApplicationModules.of("com.sladeskprobe", location -> true).verify())
                .hasMessageContaining("InvoiceNumbers");
    }

    @Test
    void writesTheModuleDiagram() throws Exception {
        Path folder = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Path components = folder.resolve("components.puml");
        assertThat(components).exists();
        assertThat(Files.readString(components)).contains("Incident response", "Availability engine", "uses");
    }
}
