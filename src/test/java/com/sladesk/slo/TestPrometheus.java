package com.sladesk.slo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code prometheus}, started by a test on a free port, on a TSDB back-filled with
 * {@code promtool tsdb create-blocks-from openmetrics} from {@link SlaTelemetry}. The blocks are
 * built once (about 90 s) into {@code target/prometheus-blocks} and copied for every start.
 */
final class TestPrometheus implements AutoCloseable {

    /** Bump when {@link SlaTelemetry} changes, so that the blocks are built again. */
    static final String DATA_VERSION = "sla-telemetry-1";

    /** Used by {@code @EnabledIf}: where Debian's prometheus is installed, or required (as .ci/run sets). */
    static boolean available() {
        return "required".equals(System.getProperty("sladesk.test.prometheus"))
                || (Files.isExecutable(Paths.get("/usr/bin/prometheus")) && Files.isExecutable(Paths.get("/usr/bin/promtool")));
    }

    private final Path data;
    private final Path config;
    private final int port;
    private Process process;

    private TestPrometheus(Path data, Path config, int port) {
        this.data = data;
        this.config = config;
        this.port = port;
    }

    /** Starts Prometheus on the SLA's telemetry; {@code scrapeConfigs} is YAML for scrape_configs (or empty). */
    static TestPrometheus start(String scrapeConfigs) throws Exception {
        Path blocks = blocks();
        Path home = Files.createTempDirectory("sladesk-prometheus");
        Path data = home.resolve("data");
        copy(blocks, data);
        Path config = home.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\n"
                + (scrapeConfigs.isBlank() ? "" : "scrape_configs:\n" + scrapeConfigs));
        TestPrometheus prometheus = new TestPrometheus(data, config, freePort());
        prometheus.startProcess();
        return prometheus;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the server (the data stays), as an outage. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** Starts it again on the same data and port. */
    void restart() throws Exception {
        startProcess();
    }

    @Override
    public void close() throws Exception {
        stop();
        delete(data.getParent());
    }

    private void startProcess() throws Exception {
        Path log = data.getParent().resolve("prometheus.log");
        process = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + data,
                "--storage.tsdb.retention.time=30y", "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection ready = (HttpURLConnection) URI.create(url() + "/-/ready").toURL().openConnection();
                ready.setConnectTimeout(500);
                if (ready.getResponseCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("prometheus was not ready within 90 s: " + Files.readString(log));
    }

    /** The back-filled blocks, built once per {@link #DATA_VERSION}. */
    static synchronized Path blocks() throws Exception {
        Path root = Paths.get("target", "prometheus-blocks", DATA_VERSION).toAbsolutePath();
        Path done = root.resolve("complete");
        if (Files.exists(done)) {
            return root.resolve("tsdb");
        }
        delete(root);
        Files.createDirectories(root);
        Path text = root.resolve("telemetry.om");
        SlaTelemetry.write(text);
        Process promtool = new ProcessBuilder("promtool", "tsdb", "create-blocks-from", "openmetrics", "-q",
                text.toString(), root.resolve("tsdb").toString()).redirectErrorStream(true)
                .redirectOutput(root.resolve("promtool.log").toFile()).start();
        if (!promtool.waitFor(10, TimeUnit.MINUTES) || promtool.exitValue() != 0) {
            throw new IllegalStateException("promtool failed: " + Files.readString(root.resolve("promtool.log")));
        }
        Files.delete(text);
        Files.writeString(done, DATA_VERSION, StandardCharsets.UTF_8);
        return root.resolve("tsdb");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
