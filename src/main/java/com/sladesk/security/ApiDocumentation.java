package com.sladesk.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.sladesk.system.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The OpenAPI document of {@code /api/**} ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): schemas come from the controllers; each operation gets the roles
 * that may call it (from {@link ApiAccess}, as {@code x-roles} and in its description) and the
 * RFC 9457 problem answers it can give, with examples.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI slaDeskOpenApi() {
        return new OpenAPI()
                .info(new Info().title("SLA Desk API").version("1")
                        .description("Incidents, maintenance, SLA credits, exceptions and changes, run against the SLA. "
                                + "Sign in with HTTP Basic or an API token (Authorization: Bearer sla_…, created under /api/tokens; its "
                                + "scopes read, incidents:write, changes:write and slos:write narrow its owner's role); each operation "
                                + "names the roles that may call it. "
                                + "Errors are RFC 9457 problem documents; a validation error names each field and rule.")
                        .license(new License().name("Proprietary")))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("an API token: personal (/api/tokens) or service (/api/admin/tokens)"))
                        .addSecuritySchemes("alertmanager", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("sladesk.alertmanager.token"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    @Bean
    OpenApiCustomizer rolesAndProblems() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            Set<String> resources = new TreeSet<>();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                // grouped by resource (/api/incidents/… → incidents), not by controller class
                String resource = path.split("/")[2];
                operation.setTags(List.of(resource));
                resources.add(resource);
                List<String> roles = ApiAccess.rolesFor(method.name(), path);
                operation.addExtension("x-roles", roles);
                String who = "Roles: " + (roles.isEmpty() ? "nobody" : String.join(", ", roles)) + ".";
                operation.setDescription(operation.getDescription() == null ? who
                        : operation.getDescription() + "\n\n" + who);
                if (path.equals(AlertmanagerTokenFilter.PATH)) {
                    operation.setSecurity(List.of(new SecurityRequirement().addList("alertmanager")));
                }
                problems(operation, method, path);
            }));
            api.setTags(resources.stream().map(name -> new Tag().name(name)).toList());
        };
    }

    private static void problems(Operation operation, PathItem.HttpMethod method, String path) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean writes = method != PathItem.HttpMethod.GET;
        if (writes || path.contains("{") || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            responses.addApiResponse("400", problem("Invalid request: each error names the field and the rule",
                    Problems.invalid(HttpStatus.BAD_REQUEST,
                            "title: must not be blank", List.of(new Problems.FieldError("title", "NotBlank",
                                    "must not be blank")))));
        }
        responses.addApiResponse("401", problem("Not signed in", Problems.of(
                HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in with HTTP Basic or an API token.")));
        responses.addApiResponse("403", problem("The role may not do this", Problems.of(
                HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this.")));
        if (path.contains("{")) {
            responses.addApiResponse("404", problem("No such record (or not yours)", Problems.of(
                    HttpStatus.NOT_FOUND, "not-found", "Incident 42 does not exist.")));
        }
        if (writes) {
            responses.addApiResponse("409", problem("The record is not in a state that allows this", Problems.of(
                    HttpStatus.CONFLICT, "conflict",
                    "credit request 7 is not waiting for verification")));
        }
        responses.addApiResponse("503", problem("The database is out of reach or the record is busy: nothing was "
                + "changed; retry after Retry-After seconds", Problems.busy()));
        operation.setResponses(responses);
    }

    private static ApiResponse problem(String description, ProblemDetail example) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", String.valueOf(example.getType()));
        value.put("title", example.getTitle());
        value.put("status", example.getStatus());
        value.put("detail", example.getDetail());
        if (example.getProperties() != null) {
            value.putAll(example.getProperties());
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples("example", new Example().value(value))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("the field, as named in the request"));
        error.addProperty("rule", new StringSchema().description("the rule it broke"));
        error.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem document");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri"));
        problem.addProperty("errors", new ArraySchema().items(error).description("validation errors, one per field and rule"));
        return problem;
    }
}
