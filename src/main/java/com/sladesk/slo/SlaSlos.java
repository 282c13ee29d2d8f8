package com.sladesk.slo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sladesk.catalogue.ComponentCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On the first start (no SLO was ever stored), loads the SLA's SLOs from
 * {@code ops/slos/mahavishnu.yaml} (packaged as {@code slos/mahavishnu.yaml};
 * {@code sladesk.slo.first-start-document}, empty to load nothing). A component the catalogue
 * does not have yet is left out and named in the log, to be added on the SLO once it exists.
 */
@Component
class SlaSlos {

    private static final Logger log = LoggerFactory.getLogger(SlaSlos.class);

    private final SloService slos;
    private final SloStore store;
    private final ComponentCatalogue catalogue;
    private final ResourceLoader resources;
    private final String document;

    SlaSlos(SloService slos, SloStore store, ComponentCatalogue catalogue, ResourceLoader resources,
            @Value("${sladesk.slo.first-start-document:classpath:slos/mahavishnu.yaml}") String document) {
        this.slos = slos;
        this.store = store;
        this.catalogue = catalogue;
        this.resources = resources;
        this.document = document;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnFirstStart() {
        if (document.isBlank() || store.countEver() > 0) {
            return;
        }
        Resource resource = resources.getResource(document);
        String text;
        try (InputStream in = resource.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            log.warn("The SLA's SLOs were not loaded: {} cannot be read ({})", document, e.getMessage());
            return;
        }
        try {
            for (SloDefinition definition : OpenSlo.read(text)) {
                List<String> missing = catalogue.unknownCodes(definition.components());
                if (!missing.isEmpty()) {
                    log.warn("SLO {}: components {} are not in the catalogue yet; add them on /admin/components, "
                            + "then on the SLO", definition.name(), missing);
                }
                SloDefinition known = new SloDefinition(definition.name(), definition.displayName(),
                        definition.description(), definition.service(),
                        definition.components().stream().filter(c -> !missing.contains(c)).toList(),
                        definition.indicator(), definition.target(), definition.window(), definition.gatesChanges());
                slos.create(known, "system");
            }
            log.info("Loaded the SLA's SLOs from {}", document);
        }
        catch (DataIntegrityViolationException | com.sladesk.system.DuplicateException e) {
            log.info("The SLA's SLOs were loaded by another node");
        }
    }
}
