package com.sladesk.catalogue;

import java.util.List;

import com.sladesk.SlaDeskModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The component catalogue alone: the SLA's components, and unknown codes named. */
@SlaDeskModuleTest
class CatalogueModuleTests {

    @Autowired
    ComponentCatalogue catalogue;

    @Test
    void knowsTheSlasComponentsAndNamesUnknownCodes() {
        assertThat(catalogue.all()).extracting(ComponentInfo::code).contains("core", "api", "data");
        assertThat(catalogue.unknownCodes(List.of("core", "no-such-thing"))).containsExactly("no-such-thing");
    }
}
