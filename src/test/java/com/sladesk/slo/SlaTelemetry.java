package com.sladesk.slo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongToIntFunction;

/**
 * 35 days of the SLA's {@code mahavishnu_*} series, one sample a minute, ending at {@link #END},
 * with known counts. {@code back} is how many minutes before END a minute ends (0: the minute
 * ending at END). Every minute: 900 HTTP 200, 5 HTTP 429 (client errors, not failures) and 95 gRPC
 * OK requests, all successful (1,000); the latency histogram holds 1,000 requests a minute. On top:
 * <ul>
 * <li>33 days before END, 60 minutes of 100 HTTP 503 a minute (6,000; outside the 30-day window);</li>
 * <li>20 days before END, 120 minutes of 20 HTTP 503 a minute (2,400);</li>
 * <li>3 to 5 hours before END, 120 minutes of 5 HTTP 503 and 5 gRPC UNAVAILABLE a minute (600 + 600);</li>
 * <li>the last hour: 3 gRPC UNAVAILABLE (180) and 1 timeout (60) a minute, 2 workflow failures a
 *     minute in the last 30 minutes (60), and slower requests.</li>
 * </ul>
 * The successful-request counter of the agno adapter restarts from 0 ten days before END (a process
 * restart): a reset the evaluator must count as the new value, not as a drop.
 */
final class SlaTelemetry {

    static final Instant END = Instant.parse("2025-02-20T12:00:00Z");
    static final int MINUTES = 35 * 1440;
    static final Instant START = END.minusSeconds(MINUTES * 60L);
    static final long RESET_BACK = 10 * 1440;

    /** Cumulative bucket counts a minute (le 0.001 … 10, +Inf): before the last hour, and in it. */
    static final String[] LE = { "0.001", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf" };
    static final int[] NORMAL = { 0, 100, 300, 500, 800, 950, 995, 1000, 1000, 1000, 1000, 1000, 1000 };
    static final int[] SLOW = { 0, 50, 200, 400, 700, 900, 990, 1000, 1000, 1000, 1000, 1000, 1000 };

    private SlaTelemetry() {
    }

    static int http503(long back) {
        if (back >= 47520 && back < 47580) {
            return 100;
        }
        if (back >= 28800 && back < 28920) {
            return 20;
        }
        return back >= 180 && back < 300 ? 5 : 0;
    }

    static int grpcUnavailable(long back) {
        if (back >= 180 && back < 300) {
            return 5;
        }
        return back < 60 ? 3 : 0;
    }

    static int timeouts(long back) {
        return back < 60 ? 1 : 0;
    }

    static int workflowFailures(long back) {
        return back < 30 ? 2 : 0;
    }

    /** Writes the OpenMetrics text promtool back-fills from. */
    static void write(Path file) throws IOException {
        Map<String, Map<String, LongToIntFunction>> families = new LinkedHashMap<>();
        Map<String, LongToIntFunction> requests = new LinkedHashMap<>();
        requests.put("{adapter=\"prefect\",operation=\"workflow\",code=\"200\"}", back -> 900);
        requests.put("{adapter=\"prefect\",operation=\"workflow\",code=\"429\"}", back -> 5);
        requests.put("{adapter=\"prefect\",operation=\"workflow\",code=\"503\"}", SlaTelemetry::http503);
        requests.put("{adapter=\"agno\",operation=\"query\",grpc_code=\"OK\"}", back -> 95);
        requests.put("{adapter=\"agno\",operation=\"query\",grpc_code=\"UNAVAILABLE\"}", SlaTelemetry::grpcUnavailable);
        families.put("mahavishnu_requests_total", requests);
        Map<String, LongToIntFunction> success = new LinkedHashMap<>();
        success.put("{adapter=\"prefect\"}", back -> 905);
        success.put("{adapter=\"agno\"}", back -> 95);
        families.put("mahavishnu_requests_success_total", success);
        families.put("mahavishnu_request_timeouts_total", Map.of("{adapter=\"prefect\"}", SlaTelemetry::timeouts));
        families.put("mahavishnu_workflow_failures_total", Map.of("{adapter=\"prefect\"}", SlaTelemetry::workflowFailures));
        Map<String, LongToIntFunction> buckets = new LinkedHashMap<>();
        for (int i = 0; i < LE.length; i++) {
            int bucket = i;
            buckets.put("{le=\"" + LE[i] + "\"}", back -> back < 60 ? SLOW[bucket] : NORMAL[bucket]);
        }
        families.put("mahavishnu_request_duration_seconds_bucket", buckets);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Map<String, LongToIntFunction>> family : families.entrySet()) {
                out.write("# TYPE " + family.getKey() + " unknown\n");
                for (Map.Entry<String, LongToIntFunction> series : family.getValue().entrySet()) {
                    boolean resets = family.getKey().equals("mahavishnu_requests_success_total")
                            && series.getKey().contains("agno");
                    long value = 0;
                    StringBuilder lines = new StringBuilder();
                    for (int k = 0; k <= MINUTES; k++) {
                        long back = MINUTES - k;
                        if (k > 0) {
                            value = resets && back == RESET_BACK ? series.getValue().applyAsInt(back)
                                    : value + series.getValue().applyAsInt(back);
                        }
                        lines.append(family.getKey()).append(series.getKey()).append(' ').append(value).append(' ')
                                .append(START.getEpochSecond() + 60L * k).append('\n');
                        if (lines.length() > 1 << 16) {
                            out.write(lines.toString());
                            lines.setLength(0);
                        }
                    }
                    out.write(lines.toString());
                }
            }
            out.write("# EOF\n");
        }
    }
}
