package com.sladesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SlaDeskApplication.class);
    /** The modules without the test classes in their packages, for the document. */
    private final ApplicationModules production = ApplicationModules.of(SlaDeskApplication.class,
            new ImportOption.DoNotIncludeTests());

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

    /** {@code docs/modules.md}: the modules, their events and the Documenter's diagram, rewritten when out of date. */
    @Test
    void theCommittedModuleDocumentIsCurrent() throws Exception {
        Path folder = Path.of("target", "spring-modulith-docs");
        new Documenter(production, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml();
        String current = moduleDocument(stable(Files.readString(folder.resolve("components.puml"))));
        Path committed = Path.of("docs", "modules.md");
        String before = Files.exists(committed) ? Files.readString(committed) : "";
        Files.writeString(committed, current);
        assertThat(current).contains("IncidentResolved", "OutageEvent", "Audited");
        assertThat(before).as(committed + " was out of date and is now rewritten: commit it").isEqualTo(current);
    }

    /** Records the module constructs in a method that publishes an application event. */
    private static Stream<JavaClass> published(ApplicationModule module) {
        return module.getBasePackage().stream().filter(JavaClass::isRecord).filter(type -> type.getConstructorCallsToSelf().stream()
                .anyMatch(call -> module.contains(call.getOriginOwner()) && call.getOrigin().getMethodCallsFromSelf()
                        .stream().anyMatch(c -> c.getName().equals("publishEvent"))));
    }

    /** The application's own events the module's listener methods take. */
    private static Stream<JavaClass> listenedTo(ApplicationModule module) {
        return module.getBasePackage().stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(EventListener.class)
                        || method.isAnnotatedWith(TransactionalEventListener.class))
                .filter(method -> method.getRawParameterTypes().size() == 1)
                .map(method -> method.getRawParameterTypes().get(0))
                .filter(type -> type.getPackageName().startsWith("com.sladesk"));
    }

    private static String names(Stream<JavaClass> types) {
        return types.map(type -> "`" + type.getSimpleName() + "`").sorted().distinct().collect(Collectors.joining(", "));
    }

    /** The diagram with its components and relations in a fixed order (the Documenter's varies from run to run). */
    private static String stable(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        for (String start : List.of("  Component(", "Rel(")) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(start)) {
                    at.add(i);
                }
            }
            List<String> sorted = at.stream().map(lines::get).sorted().toList();
            for (int i = 0; i < at.size(); i++) {
                lines.set(at.get(i), sorted.get(i));
            }
        }
        return String.join("\n", lines);
    }

    private String moduleDocument(String diagram) {
        StringBuilder doc = new StringBuilder("""
                # Modules

                Generated by `ModularityTests` from the code (Spring Modulith's `ApplicationModules` and
                `Documenter`); a test fails when this file is out of date. Each module is a top-level package
                under `com.sladesk`: the types in its base package are its API, the rest is package-private or in
                `web/`. Modules announce what happened as events (past-tense records in their API); the modules
                that react listen to them: the audit log to every `Audited` decision, the availability engine and
                the status page to every `OutageEvent`. `system` is shared by all.

                | Module | Package | Uses | Publishes | Listens to |
                |---|---|---|---|---|
                """);
        production.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> doc
                .append("| ").append(module.getDisplayName())
                .append(" | `").append(module.getBasePackage().getName()).append('`')
                .append(" | ").append(module.getDirectDependencies(production).uniqueModules().map(ApplicationModule::getName)
                        .sorted().distinct().collect(Collectors.joining(", ")))
                .append(" | ").append(names(published(module)))
                .append(" | ").append(names(listenedTo(module)))
                .append(" |\n"));
        return doc.append("\n## Diagram\n\n```plantuml\n").append(diagram.strip()).append("\n```\n").toString();
    }
}
