package com.sladesk.security;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.sladesk.DrillResults;
import com.sladesk.SlaDeskTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Drill 7 (access): every page and endpoint × anonymous and every role, against the one declared
 * matrix in {@code access-matrix.txt}; the matrix must name every mapped endpoint, and every
 * form post is refused without its CSRF token.
 */
@SlaDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

    static final List<String> ROLES = List.of("anon", "acme", "sre", "leader", "cto", "admin");

    /** {@code expected}: the exact status each role gets, or null where the role is refused. */
    record Row(String method, String path, Map<String, Integer> expected) {

        boolean allowed(String role) {
            return expected.get(role) != null;
        }

        boolean api() {
            return path.startsWith("/api/");
        }

        String concretePath() {
            String id = path.startsWith("/tasks/") ? "no-such-task" : "987654321";
            return path.replace("{id}", id).replace("{code}", "no-such-component").replace("{attachmentId}", id).replace("{month}", "2026-10").replace("{quarter}", "2026-Q3").replace("{period}", "2026-Q3");
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    final List<Row> matrix = new ArrayList<>();

    @BeforeAll
    void readMatrix() throws Exception {
        matrix.addAll(read());
    }

    /** The rows of {@code access-matrix.txt} (also read by {@link OpenApiContractTests}). */
    static List<Row> read() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                AccessMatrixTests.class.getResourceAsStream("/access-matrix.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.trim().split("\\s+");
                assertThat(cells).as(line).hasSize(2 + ROLES.size());
                Map<String, Integer> expected = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    assertThat(cells[2 + i]).as(line + ": '-' or the exact status").matches("-|[1-5][0-9][0-9]");
                    expected.put(ROLES.get(i), cells[2 + i].equals("-") ? null : Integer.valueOf(cells[2 + i]));
                }
                rows.add(new Row(cells[0], cells[1], expected));
            }
        }
        return rows;
    }

    @Test
    void theMatrixNamesEveryMappedEndpoint(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<String> verbs = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                            .collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{(\\w+):(?:[^{}]|\\{[^{}]*})*}", "{$1}");
                if (!path.equals("/error")) {
                    verbs.forEach(v -> mapped.add(v + " " + path));
                }
            }
        });
        Set<String> declared = new TreeSet<>();
        matrix.forEach(r -> declared.add(r.method() + " " + r.path()));
        assertThat(declared).as("endpoints declared in access-matrix.txt").containsAll(mapped);
        assertThat(mapped).as("declared endpoints that exist").containsAll(declared);
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixDeclares() throws Exception {
        Map<String, UserDetails> signedIn = new LinkedHashMap<>();
        for (String role : ROLES.subList(1, ROLES.size())) {
            signedIn.put(role, users.loadUserByUsername(role));
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Row row : matrix) {
            for (String role : ROLES) {
                MockHttpServletRequestBuilder call = call(row).with(csrf());
                if (!role.equals("anon")) {
                    call.with(user(signedIn.get(role)));
                }
                MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
                String outcome = outcome(row, role, response);
                checked++;
                if (outcome != null) {
                    wrong.add(row.method() + " " + row.path() + " as " + role + ": " + outcome);
                }
            }
        }
        DrillResults.record("Access matrix", matrix.size() + " endpoints × " + ROLES.size() + " = " + checked
                + " checks, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyFormPostNeedsItsCsrfToken() throws Exception {
        int forms = 0;
        for (Row row : matrix) {
            if (row.api() || row.method().equals("GET")) {
                continue;
            }
            String role = ROLES.stream().filter(row::allowed).reduce((a, b) -> b).orElseThrow();
            MockHttpServletRequestBuilder call = call(row);
            if (!role.equals("anon")) {
                call.with(user(users.loadUserByUsername(role)));
            }
            assertThat(mvc.perform(call).andReturn().getResponse().getStatus())
                    .as(row.method() + " " + row.path() + " without a CSRF token as " + role).isEqualTo(403);
            forms++;
        }
        assertThat(forms).isGreaterThan(20);
    }

    private static MockHttpServletRequestBuilder call(Row row) {
        MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(row.method()), row.concretePath());
        if (row.api() && !row.method().equals("GET")) {
            call.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (row.api()) {
            call.accept(MediaType.APPLICATION_JSON);
        }
        return call;
    }

    /** null when the answer is what the matrix declares, otherwise what went wrong. */
    private static String outcome(Row row, String role, MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        boolean toLogin = status == 302 && location != null && location.endsWith("/login");
        if (status >= 500 && !(status == 503 && row.path().startsWith("/health"))) {
            return "answered " + status;
        }
        Integer expected = row.expected().get(role);
        if (expected != null && expected == 200 && status == 503 && row.path().startsWith("/health")) {
            return null; // a health group answers 503 while a component (mail in tests) is down
        }
        if (expected != null) {
            return status == expected ? null : "answered " + status + (location == null ? "" : " → " + location)
                    + ", declared " + expected;
        }
        if (role.equals("anon")) {
            boolean refused = row.api() ? status == 401 : toLogin;
            return refused ? null : "let in with " + status + (location == null ? "" : " → " + location);
        }
        return status == 403 ? null : "let in with " + status;
    }
}
