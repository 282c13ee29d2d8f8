package com.sladesk.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sladesk.SlaDeskTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI contract: every endpoint under {@code /api/**} is in the document, each with the
 * roles the security chain enforces (checked against the access matrix), its schemas and its
 * problem answers; the document is exported to {@code docs/openapi.json} and kept current.
 */
@SlaDeskTest
class OpenApiContractTests {

    static final Path EXPORTED = Path.of("docs", "openapi.json");
    /** The matrix's columns as roles (anonymous has none). */
    static final Map<String, String> COLUMNS = Map.of("acme", "CUSTOMER", "sre", "SRE", "leader", "LEADERSHIP",
            "cto", "CTO", "admin", "ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void everyApiEndpointIsDocumented(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) throws Exception {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(verb -> mapped.add(verb.name() + " " + path));
                }
            }
        });
        assertThat(mapped).hasSizeGreaterThan(30);
        assertThat(operations(document()).keySet()).as("operations in /v3/api-docs").containsAll(mapped);
    }

    @Test
    void everyOperationNamesItsRolesAsTheAccessMatrixEnforcesThem() throws Exception {
        Map<String, JsonNode> operations = operations(document());
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (AccessMatrixTests.Row row : AccessMatrixTests.read()) {
            JsonNode operation = operations.get(row.method() + " " + row.path());
            if (operation == null) {
                continue;
            }
            Set<String> documented = new TreeSet<>();
            operation.get("x-roles").forEach(role -> documented.add(role.asText()));
            documented.retainAll(COLUMNS.values()); // Alertmanager's token is not a person's role
            Set<String> enforced = new TreeSet<>();
            COLUMNS.forEach((column, role) -> {
                if (row.allowed(column)) {
                    enforced.add(role);
                }
            });
            if (!documented.equals(enforced)) {
                disagreements.add(row.method() + " " + row.path() + ": documented " + documented + ", enforced " + enforced);
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(30);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void everyOperationDescribesItsAnswers() throws Exception {
        JsonNode document = document();
        assertThat(document.at("/components/schemas/Problem/properties/errors").isMissingNode()).isFalse();
        operations(document).forEach((name, operation) -> {
            JsonNode responses = operation.get("responses");
            assertThat(responses.fieldNames()).toIterable().as(name).contains("401", "403", "503");
            assertThat(responses.at("/403/content/application~1problem+json/examples/example/value/status").asInt())
                    .as(name).isEqualTo(403);
            boolean success = false;
            for (var codes = responses.fieldNames(); codes.hasNext(); ) {
                success |= codes.next().startsWith("2");
            }
            assertThat(success).as(name + " has a success answer").isTrue();
            if (name.startsWith("POST ") || name.startsWith("PUT ")) {
                assertThat(responses.has("400")).as(name).isTrue();
            }
            assertThat(operation.get("description").asText()).as(name).contains("Roles: ");
        });
        assertThat(operations(document).get("POST /api/incidents").at("/requestBody/content/application~1json/schema")
                .isMissingNode()).as("a request body has its schema").isFalse();
    }

    @Test
    void theExportedDocumentIsCurrent() throws Exception {
        String current = json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document()) + "\n";
        String exported = Files.exists(EXPORTED) ? Files.readString(EXPORTED) : "";
        Files.writeString(EXPORTED, current);
        assertThat(exported).as(EXPORTED + " was out of date and is now rewritten: commit it").isEqualTo(current);
    }

    @Test
    void swaggerUiIsForSignedInStaff() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().isFound())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
        mvc.perform(get("/swagger-ui.html").with(httpBasic("sre", "demo"))).andExpect(status().isFound())
                .andExpect(header().string("Location", Matchers.containsString("/swagger-ui/index.html")));
        mvc.perform(get("/swagger-ui/index.html").with(httpBasic("acme", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")));
    }

    private JsonNode document() throws Exception {
        return json.readTree(mvc.perform(get("/v3/api-docs").with(httpBasic("sre", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** "GET /api/incidents/{id}" → its operation. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                operation -> operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue())));
        return operations;
    }
}
