package com.sladesk.slo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sladesk.SlaDeskTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/slos/{id}/rules.yml} for the SLA's SLOs passes {@code promtool check rules}, and
 * {@code promtool test rules} shows the alerts fire as the SRE Workbook and the SLA say: at 2%
 * errors (20× the 0.1% budget) every pair; at 0.7% (7×) the 6×, 3× and 1× pairs and the SLA's 5×,
 * 2× and 1× but not 14.4× nor 10×; at 0.05% (0.5×) none.
 */
@SlaDeskTest
@Tag("prometheus")
@EnabledIf("com.sladesk.slo.TestPrometheus#available")
class SloRulesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SloStore store;

    @TempDir
    Path dir;

    @Test
    void theAvailabilityRulesPassPromtoolAndFireAsTheWorkbookAndTheSlaSay() throws Exception {
        Path rules = rules("mahavishnu-availability");
        String scenarios = scenario("20x", "0+1000x400", "0+980x400", List.of("14.4", "6", "3", "1"), List.of("10", "5", "2", "1"))
                + scenario("7x", "0+1000x400", "0+993x400", List.of("6", "3", "1"), List.of("5", "2", "1"))
                + scenario("half", "0+10000x400", "0+9995x400", List.of(), List.of());
        assertThat(promtool(rules, scenarios, "mahavishnu_requests_total", "mahavishnu_requests_success_total",
                "mahavishnu-availability")).isEqualTo(0);
    }

    @Test
    void theErrorRateRulesCountTheSlasErrorsWithMissingKindsAsZero() throws Exception {
        Path rules = rules("mahavishnu-error-rate");
        // 1,000 requests a minute, 20 of them HTTP 503; no gRPC errors, timeouts or workflow failures exist
        String input = """
                      - series: 'mahavishnu_requests_total{code="200"}'
                        values: '0+980x400'
                      - series: 'mahavishnu_requests_total{code="503"}'
                        values: '0+20x400'
                """;
        String test = "tests:\n  - interval: 1m\n    input_series:\n" + input + alerts("mahavishnu-error-rate",
                List.of("14.4", "6", "3", "1"), List.of("10", "5", "2", "1"));
        assertThat(run(rules, test)).isEqualTo(0);
    }

    @Test
    void theLatencyRulesUseTheHistogramBuckets() throws Exception {
        Path rules = rules("mahavishnu-latency-p95");
        // 1,000 requests a minute, 920 of them within 0.1 s: 8% slow against a 5% budget (1.6×)
        String input = """
                      - series: 'mahavishnu_request_duration_seconds_bucket{le="0.1"}'
                        values: '0+920x400'
                      - series: 'mahavishnu_request_duration_seconds_bucket{le="+Inf"}'
                        values: '0+1000x400'
                """;
        String test = "tests:\n  - interval: 1m\n    input_series:\n" + input
                + alerts("mahavishnu-latency-p95", List.of("1"), List.of("1"));
        assertThat(run(rules, test)).isEqualTo(0);
    }

    /** The proof can fail: a scenario that expects the 14.4× page at 7× errors is refused by promtool. */
    @Test
    void aWrongExpectationFails() throws Exception {
        Path rules = rules("mahavishnu-availability");
        String wrong = scenario("7x", "0+1000x400", "0+993x400", List.of("14.4", "6", "3", "1"), List.of("5", "2", "1"));
        assertThat(promtool(rules, wrong, "mahavishnu_requests_total", "mahavishnu_requests_success_total",
                "mahavishnu-availability")).isNotEqualTo(0);
    }

    private Path rules(String name) throws Exception {
        long id = store.findByName(name).orElseThrow().id();
        if (store.find(id).orElseThrow().indicator().thresholdSeconds() != null) {
            // what the evaluator learns from Prometheus: the threshold is one of the histogram's bounds
            double threshold = store.find(id).orElseThrow().indicator().thresholdSeconds();
            store.bounds(id, threshold + "," + threshold);
        }
        String yaml = mvc.perform(get("/api/slos/{id}/rules.yml", id).with(httpBasic("sre", "demo")))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("application/yaml"))
                .andReturn().getResponse().getContentAsString();
        Path rules = dir.resolve(name + ".rules.yml");
        Files.writeString(rules, yaml);
        Process check = new ProcessBuilder("promtool", "check", "rules", rules.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output + "\n" + yaml).isZero();
        return rules;
    }

    private static String scenario(String name, String total, String good, List<String> workbook, List<String> sla) {
        return name + "|" + total + "|" + good + "|" + String.join(",", workbook) + "|" + String.join(",", sla) + "\n";
    }

    private int promtool(Path rules, String scenarios, String totalMetric, String goodMetric, String slo) throws Exception {
        StringBuilder test = new StringBuilder("tests:\n");
        for (String line : scenarios.strip().split("\n")) {
            String[] parts = line.split("\\|", -1);
            test.append("  - interval: 1m\n    input_series:\n")
                    .append("      - series: '").append(totalMetric).append("'\n        values: '").append(parts[1]).append("'\n")
                    .append("      - series: '").append(goodMetric).append("'\n        values: '").append(parts[2]).append("'\n")
                    .append(alerts(slo, parts[3].isEmpty() ? List.of() : List.of(parts[3].split(",")),
                            parts[4].isEmpty() ? List.of() : List.of(parts[4].split(","))).replaceFirst("^tests:\\n", ""));
        }
        return run(rules, test.toString());
    }

    /** Expected alerts after six hours (every window but 1 d and 3 d is full; rate() uses what there is). */
    private String alerts(String slo, List<String> workbook, List<String> sla) {
        StringBuilder out = new StringBuilder("    alert_rule_test:\n");
        out.append("      - eval_time: 6h\n        alertname: SloErrorBudgetBurn\n        exp_alerts:")
                .append(workbook.isEmpty() ? " []\n" : "\n");
        for (String factor : workbook) {
            SloRules.Burn burn = SloRules.BURNS.stream().filter(b -> b.alert().equals("SloErrorBudgetBurn")
                    && b.factor().equals(factor)).findFirst().orElseThrow();
            out.append(expected(slo, burn));
        }
        out.append("      - eval_time: 6h\n        alertname: SlaBurnRate\n        exp_alerts:").append(sla.isEmpty() ? " []\n" : "\n");
        for (String factor : sla) {
            SloRules.Burn burn = SloRules.BURNS.stream().filter(b -> b.alert().equals("SlaBurnRate")
                    && b.factor().equals(factor)).findFirst().orElseThrow();
            out.append(expected(slo, burn));
        }
        return out.toString();
    }

    private String expected(String slo, SloRules.Burn burn) {
        SloView view = store.findByName(slo).orElseThrow();
        StringBuilder labels = new StringBuilder("            exp_labels:\n");
        labels.append("              sladesk_slo: ").append(slo).append('\n');
        labels.append("              sladesk_service: ").append(view.service()).append('\n');
        burn.labels().forEach((k, v) -> labels.append("              ").append(k).append(": ").append(v).append('\n'));
        labels.append("              burn_rate: '").append(burn.factor()).append("x'\n");
        labels.append("              long_window: ").append(burn.longWindow()).append('\n');
        labels.append("              short_window: ").append(burn.shortWindow()).append('\n');
        return "          -\n" + labels + "            exp_annotations:\n              summary: \"" + view.title() + ": "
                + burn.summary() + "\"\n";
    }

    private int run(Path rules, String test) throws Exception {
        Path file = dir.resolve("test-" + System.nanoTime() + ".yml");
        Files.writeString(file, "rule_files:\n  - " + rules.getFileName() + "\nevaluation_interval: 1m\n" + test);
        Process promtool = new ProcessBuilder("promtool", "test", "rules", file.getFileName().toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes());
        assertThat(promtool.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);
        return promtool.exitValue();
    }
}
