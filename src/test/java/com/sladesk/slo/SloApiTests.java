package com.sladesk.slo;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.SlaDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** SLOs as code without Prometheus: the SLA's SLOs loaded on first start, versions, OpenSLO in and out, refusals. */
@SlaDeskTest
class SloApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSlasSlosAreLoadedFromOpsSlosOnFirstStart() throws Exception {
        mvc.perform(get("/api/slos").with(httpBasic("leader", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItems("mahavishnu-availability", "mahavishnu-latency-p50",
                        "mahavishnu-latency-p95", "mahavishnu-latency-p99", "mahavishnu-error-rate")))
                .andExpect(jsonPath("$[?(@.name == 'mahavishnu-availability')].target").value(99.9))
                .andExpect(jsonPath("$[?(@.name == 'mahavishnu-availability')].window").value("30d"))
                .andExpect(jsonPath("$[?(@.name == 'mahavishnu-availability')].gatesChanges").value(true))
                .andExpect(jsonPath("$[?(@.name == 'mahavishnu-availability')].indicator.good")
                        .value("sum(mahavishnu_requests_success_total)"))
                .andExpect(jsonPath("$[?(@.name == 'mahavishnu-latency-p99')].indicator.thresholdSeconds").value(0.2))
                .andExpect(jsonPath("$[?(@.name == 'mahavishnu-latency-p99')].target").value(99))
                .andExpect(jsonPath("$[?(@.name == 'mahavishnu-latency-p99')].window").value("1d"))
                .andExpect(jsonPath("$[?(@.name == 'mahavishnu-error-rate')].indicator.bad")
                        .value(org.hamcrest.Matchers.hasItem(containsString("grpc_code=~\"INTERNAL|UNAVAILABLE|DEADLINE_EXCEEDED\""))))
                .andExpect(jsonPath("$[?(@.name == 'mahavishnu-availability')].components[*]")
                        .value(org.hamcrest.Matchers.contains("core", "mcp", "data", "api")));
        // loaded by "system" as their first version
        assertThat(jdbc.queryForList("SELECT v.created_by FROM slo_version v JOIN slo s ON s.id = v.slo_id"
                + " WHERE s.name LIKE 'mahavishnu-%' AND v.version = 1", String.class)).hasSize(5).containsOnly("system");
    }

    @Test
    void theOpenSloExportReadsBackAsTheSameSlosAndTheOpsFileIsTheirSource() throws Exception {
        String exported = mvc.perform(get("/api/slos/openslo").with(httpBasic("sre", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(exported).contains("apiVersion: openslo/v1", "kind: SLO", "budgetingMethod: Occurrences");
        var fromExport = OpenSlo.read(exported).stream().filter(d -> d.name().startsWith("mahavishnu-")).toList();
        var fromFile = OpenSlo.read(Files.readString(Path.of("ops/slos/mahavishnu.yaml")));
        assertThat(fromExport).containsAll(fromFile);
        // importing the file again changes nothing: no new version
        String imported = mvc.perform(post("/api/slos/openslo").with(httpBasic("sre", "demo"))
                        .contentType("application/yaml").content(Files.readString(Path.of("ops/slos/mahavishnu.yaml"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (JsonNode slo : json.readTree(imported)) {
            assertThat(slo.get("version").asInt()).as(slo.get("name").asText()).isEqualTo(1);
        }
    }

    @Test
    void aChangeIsANewVersionAndTheOldOneStays() throws Exception {
        String name = "versioned-" + System.nanoTime() % 100000;
        String body = """
                {"name": "%s", "service": "mahavishnu", "indicator": {"good": "sum(a_total)", "total": "sum(b_total)"},
                 "target": %s, "window": "30d", "gatesChanges": false}""";
        String created = mvc.perform(post("/api/slos").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(name, "99.5")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.state").value("PENDING")).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        mvc.perform(put("/api/slos/{id}", id).with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(name, "99.9")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.target").value(99.9));
        mvc.perform(get("/api/slos/{id}/versions", id).with(httpBasic("sre", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(1)).andExpect(jsonPath("$[0].target").value(99.5))
                .andExpect(jsonPath("$[1].version").value(2)).andExpect(jsonPath("$[1].changedBy").value("sre"));
        mvc.perform(put("/api/slos/{id}", id).with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(name + "-x", "99.9")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/slos").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(name, "99.9")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(delete("/api/slos/{id}", id).with(httpBasic("sre", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.retired").value(true));
        mvc.perform(get("/api/slos").with(httpBasic("sre", "demo")))
                .andExpect(jsonPath("$[?(@.name == '" + name + "')]").isEmpty());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'slo' AND subject_id = ?",
                Long.class, Long.toString(id))).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            target        | 100                                  | 30d   | sum(a) | range
            target        | 0                                    | 30d   | sum(a) | range
            window        | 99.9                                 | 0d    | sum(a) | range
            window        | 99.9                                 | 91d   | sum(a) | range
            window        | 99.9                                 | 1y    | sum(a) | format
            indicator.total | 99.9                               | 30d   |        | required
            """)
    void badInputIsRefusedNamingTheField(String field, String target, String window, String total, String rule) throws Exception {
        String totalJson = total == null ? "null" : "\"" + total + "\"";
        mvc.perform(post("/api/slos").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "bad-input", "service": "mahavishnu", "indicator": {"good": "sum(g)", "total": %s},
                         "target": %s, "window": "%s"}""".formatted(totalJson, target, window)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slo WHERE name = 'bad-input'", Long.class)).isZero();
    }

    @Test
    void unknownComponentsAndABadHistogramSelectorAreRefused() throws Exception {
        mvc.perform(post("/api/slos").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "bad-components", "service": "mahavishnu", "components": ["core", "nope"],
                         "indicator": {"good": "sum(g)", "total": "sum(t)"}, "target": 99.9, "window": "30d"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("components"));
        mvc.perform(post("/api/slos").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "bad-histogram", "service": "mahavishnu",
                         "indicator": {"histogram": "sum(rate(x_bucket[5m]))", "thresholdSeconds": 0.1}, "target": 99, "window": "1d"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("indicator.histogram"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            spec.alertPolicies                   | '  alertPolicies: [x]'
            spec.budgetingMethod                 | '  budgetingMethod: Timeslices'
            spec.objectives                      | '  objectives: [{target: 0.99}, {target: 0.999}]'
            spec.indicator.spec.ratioMetric.raw  | '  indicator: {spec: {ratioMetric: {counter: true, raw: {metricSource: {spec: {query: x}}}}}}'
            spec.indicator.spec.ratioMetric.good.metricSource.type | '  indicator: {spec: {ratioMetric: {counter: true, good: {metricSource: {type: Datadog, spec: {query: x}}}, total: {metricSource: {spec: {query: y}}}}}}'
            spec.timeWindow[0].duration          | '  timeWindow: [{duration: 1Q, isRolling: false, calendar: {startTime: "2020-01-01 00:00:00", timeZone: UTC}}]'
            metadata.labels.team                 | 'metadata: {name: x, labels: {team: sre}}'
            """)
    void unsupportedOpenSloFieldsAreRefusedByNameNeverDropped(String field, String line) throws Exception {
        String base = """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: openslo-refused}
                spec:
                  service: mahavishnu
                  indicator: {spec: {ratioMetric: {counter: true, good: {metricSource: {spec: {query: g}}}, total: {metricSource: {spec: {query: t}}}}}}
                  timeWindow: [{duration: 30d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{target: 0.999}]
                """;
        String key = line.strip().substring(0, line.strip().indexOf(':'));
        StringBuilder document = new StringBuilder();
        boolean replaced = false;
        for (String l : base.split("\n")) {
            boolean sameIndent = line.startsWith("  ") == l.startsWith("  ");
            if (sameIndent && l.strip().startsWith(key + ":")) {
                document.append(line).append('\n');
                replaced = true;
            } else {
                document.append(l).append('\n');
            }
        }
        if (!replaced) {
            document.append(line).append('\n');
        }
        mvc.perform(post("/api/slos/openslo").with(httpBasic("sre", "demo")).contentType("application/yaml")
                        .content(document.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slo WHERE name IN ('openslo-refused', 'x')", Long.class)).isZero();
    }

    @Test
    void anImportIsAllOrNothing() throws Exception {
        String two = """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: import-first}
                spec:
                  service: mahavishnu
                  indicator: {spec: {ratioMetric: {counter: true, good: {metricSource: {spec: {query: g}}}, total: {metricSource: {spec: {query: t}}}}}}
                  timeWindow: [{duration: 4w, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{targetPercent: 99.5}]
                ---
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: import-second}
                spec:
                  service: mahavishnu
                  indicator: {spec: {ratioMetric: {counter: true, good: {metricSource: {spec: {query: g}}}, total: {metricSource: {spec: {query: t}}}}}}
                  timeWindow: [{duration: 120d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{target: 0.99}]
                """;
        mvc.perform(post("/api/slos/openslo").with(httpBasic("sre", "demo")).contentType("application/yaml").content(two))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[1].spec.timeWindow[0].duration"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slo WHERE name IN ('import-first', 'import-second')", Long.class)).isZero();
        mvc.perform(post("/api/slos/openslo").with(httpBasic("sre", "demo")).contentType("application/yaml")
                        .content(two.replace("120d", "7d").replace("import-first", "import-first-" + System.nanoTime() % 100000)
                                .replace("import-second", "import-second-" + System.nanoTime() % 100000)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].window").value("28d")).andExpect(jsonPath("$[0].target").value(99.5))
                .andExpect(jsonPath("$[1].window").value("7d"));
    }

    @Test
    void rulesForALatencyThresholdWhoseBucketsAreUnknownAreA409NotRulesMatchingNoBucket() throws Exception {
        String created = mvc.perform(post("/api/slos").with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "unknown-buckets-%d", "service": "x", "indicator": {
                                 "histogram": "x_seconds_bucket", "thresholdSeconds": 0.2}, "target": 99, "window": "1d"}"""
                                .formatted(System.nanoTime() % 100000)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        mvc.perform(get("/api/slos/{id}/rules.yml", id).with(httpBasic("sre", "demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("learned at the SLO's first evaluation")));
        mvc.perform(delete("/api/slos/{id}", id).with(httpBasic("sre", "demo"))).andExpect(status().isOk());
    }

    @Test
    void customersSeeNoSlosAndLeadershipCannotEditThem() throws Exception {
        mvc.perform(get("/api/slos").with(httpBasic("acme", "demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/slos").with(httpBasic("leader", "demo")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }
}
