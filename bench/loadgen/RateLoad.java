import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A constant-rate (open-loop) load generator, as wrk2 is: requests are due on a fixed schedule
 * whether or not earlier ones have answered, and each latency is measured from the moment the
 * request was due, so a stalled server cannot hide its queue (no coordinated omission). Requests
 * go out over a fixed set of keep-alive HTTP/1.1 connections, as a load balancer's would; a
 * request waiting for a free connection waits on the clock.
 * <p>
 * The first version used the JDK's HttpClient, which on this 2-core machine could not keep up:
 * at 300 requests/s against an idle service it reported a 2–8 s median, because it opened a new
 * connection for most requests (thousands in TIME_WAIT). Its figures before 2026-11-30 measured
 * partly the client (docs/performance.md).
 * <p>
 * The mix is 90% reads (status JSON, availability, incident list, claim list) and 10% writes
 * (incident creation, each starting a process), in a fixed order.
 * <p>
 * Usage: java RateLoad.java BASE_URL RATE SECONDS MONTH [WINDOW_SECONDS] [CONNECTIONS]
 * <p>
 * Prints (times in ms; a request is an error when it fails, answers 4xx/5xx or takes more than 10 s):
 * <pre>
 * RESULT &lt;answered/s&gt; &lt;p50&gt; &lt;p95&gt; &lt;p99&gt; &lt;p99.9&gt; &lt;errors&gt; &lt;requests&gt; &lt;successful/s&gt;
 * READS  &lt;answered/s&gt; &lt;p50&gt; &lt;p95&gt; &lt;p99&gt; &lt;p99.9&gt; &lt;errors&gt; &lt;requests&gt;
 * WRITES &lt;answered/s&gt; &lt;p50&gt; &lt;p95&gt; &lt;p99&gt; &lt;p99.9&gt; &lt;errors&gt; &lt;requests&gt; &lt;served&gt; &lt;shed (503)&gt;
 * PATH &lt;read's path&gt; &lt;answered/s&gt; &lt;p50&gt; &lt;p95&gt; &lt;p99&gt; &lt;p99.9&gt; &lt;errors&gt; &lt;requests&gt;   (each read apart)
 * WINDOW &lt;from s&gt; &lt;to s&gt; &lt;requests&gt; &lt;successful/s&gt; &lt;errors&gt; &lt;p50&gt; &lt;p99&gt;   (with WINDOW_SECONDS)
 * </pre>
 */
public class RateLoad {

    static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * Keep-alive connections, as a load balancer's. 1,024 were tried against a warm node at 2,000/s
     * (issue #21, third round): more concurrency on the 2 cores, worse latency (p50 108 against 76 ms),
     * so 256 stayed; the generator's collapse was its timeout, not its connections (below).
     */
    static final int CONNECTIONS = 256;

    record Task(int index, long due) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String month = args[3];
        int window = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int connections = args.length > 5 ? Integer.parseInt(args[5]) : CONNECTIONS;
        String host = base.getHost();
        int port = base.getPort();
        String sre = "Basic " + Base64.getEncoder().encodeToString("sre:demo".getBytes(StandardCharsets.UTF_8));
        String customer = "Basic " + Base64.getEncoder().encodeToString("bench-c1:bench".getBytes(StandardCharsets.UTF_8));
        String[] readPaths = { "/status.json", "/api/availability?month=" + month, "/api/incidents?limit=50", "/api/credit-requests" };
        byte[][] reads = {
                get(host, port, "/status.json", null),
                get(host, port, "/api/availability?month=" + month, sre),
                get(host, port, "/api/incidents?limit=50", sre),
                get(host, port, "/api/credit-requests", customer) };
        byte[] write = post(host, port, "/api/incidents", sre, "{\"title\":\"mixed write\",\"severity\":\"P3\",\"components\":[\"core\"],"
                + "\"environment\":\"production\",\"impact\":\"degraded\"}");

        int total = rate * seconds;
        long[] latencies = new long[total];
        short[] statuses = new short[total]; // 0: not answered (failed, timed out or outstanding)
        AtomicInteger done = new AtomicInteger();
        LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            Thread t = new Thread(() -> {
                Connection c = new Connection(host, port);
                while (true) {
                    Task task;
                    try {
                        task = queue.take();
                    }
                    catch (InterruptedException e) {
                        c.close();
                        return;
                    }
                    if (task.index() < 0) {
                        c.close();
                        return;
                    }
                    int i = task.index();
                    byte[] request = isWrite(i) ? write : reads[i % 10 % reads.length];
                    int status = 0;
                    // a request already past the timeout when a connection is free is an error, not sent;
                    // one sent gets the whole timeout from its send (an answer after the due time plus
                    // the timeout is still an error, by its latency). Before, a request was sent with the
                    // milliseconds it had left, timed out and closed its connection, abandoning work the
                    // service then did anyway: once behind, the generator never caught up (issue #21).
                    long sent = System.nanoTime();
                    if (sent - task.due() < TIMEOUT_NANOS) {
                        status = c.exchange(request, sent + TIMEOUT_NANOS);
                    }
                    latencies[i] = System.nanoTime() - task.due();
                    statuses[i] = (short) status;
                    done.incrementAndGet();
                }
            }, "load-" + w);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }

        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            queue.add(new Task(i, due));
        }
        long sendEnd = System.nanoTime();
        long deadline = sendEnd + TimeUnit.SECONDS.toNanos(15);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double elapsed = (Math.max(sendEnd, System.nanoTime()) - start) / 1e9;
        int finished = done.get();
        // outstanding requests are errors with the longest latency
        for (int i = 0; i < total; i++) {
            if (statuses[i] == 0 && latencies[i] == 0) {
                latencies[i] = Long.MAX_VALUE / 2;
            }
        }
        report("RESULT", i -> true, latencies, statuses, total, elapsed, true);
        report("READS", i -> !isWrite(i), latencies, statuses, total, elapsed, false);
        report("WRITES", RateLoad::isWrite, latencies, statuses, total, elapsed, false);
        for (int k = 0; k < reads.length; k++) {
            int read = k;
            report("PATH " + readPaths[k].replaceAll("\\?.*", ""), i -> !isWrite(i) && i % 10 % reads.length == read,
                    latencies, statuses, total, elapsed, false);
        }
        if (window > 0) {
            int perWindow = rate * window;
            for (int from = 0; from < total; from += perWindow) {
                int lo = from;
                int hi = Math.min(total, from + perWindow);
                long[] sorted = new long[hi - lo];
                int ok = 0;
                int errors = 0;
                for (int i = lo; i < hi; i++) {
                    sorted[i - lo] = latencies[i];
                    if (good(statuses[i], latencies[i])) {
                        ok++;
                    }
                    else {
                        errors++;
                    }
                }
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "WINDOW %d %d %d %.1f %d %.2f %.2f%n", lo / rate, hi / rate, hi - lo,
                        ok / (double) ((hi - lo) / (double) rate), errors, ms(sorted, 50), ms(sorted, 99));
            }
        }
        System.out.flush();
        System.exit(finished >= 0 ? 0 : 1);
    }

    static boolean isWrite(int i) {
        return i % 10 == 9;
    }

    static boolean good(short status, long latency) {
        return status >= 200 && status < 400 && latency <= TIMEOUT_NANOS;
    }

    static void report(String label, java.util.function.IntPredicate which, long[] latencies, short[] statuses, int total,
            double elapsed, boolean all) {
        long[] sorted = new long[total];
        int n = 0;
        int answered = 0;
        int errors = 0;
        int shed = 0;
        int served = 0;
        for (int i = 0; i < total; i++) {
            if (!which.test(i)) {
                continue;
            }
            sorted[n++] = latencies[i];
            if (statuses[i] != 0) {
                answered++;
            }
            if (statuses[i] == 503) {
                shed++;
            }
            if (good(statuses[i], latencies[i])) {
                served++;
            }
            else {
                errors++;
            }
        }
        sorted = Arrays.copyOf(sorted, n);
        Arrays.sort(sorted);
        String line = String.format(Locale.ROOT, "%s %.1f %.2f %.2f %.2f %.2f %d %d", label, answered / elapsed, ms(sorted, 50),
                ms(sorted, 95), ms(sorted, 99), ms(sorted, 99.9), errors, n);
        if (all) {
            line += String.format(Locale.ROOT, " %.1f", served / elapsed);
        }
        else if (label.equals("WRITES")) {
            line += " " + served + " " + shed;
        }
        System.out.println(line);
    }

    static double ms(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return Math.min(sorted[Math.max(0, index)], TIMEOUT_NANOS * 10) / 1e6;
    }

    static byte[] get(String host, int port, String path, String authorization) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Accept: */*\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] post(String host, int port, String path, String authorization, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** One keep-alive connection: a request, then its whole response; reconnects after a close or failure. */
    static final class Connection {

        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** The response's status, or 0 when it failed or did not answer by {@code deadline}. */
        int exchange(byte[] request, long deadline) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(host, port), 5000);
                    in = new BufferedInputStream(socket.getInputStream(), 65536);
                    out = socket.getOutputStream();
                }
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                out.write(request);
                out.flush();
                String statusLine = line();
                int status = Integer.parseInt(statusLine.substring(9, 12));
                long length = -1;
                boolean chunked = false;
                boolean close = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).trim());
                    }
                    else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                    else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    }
                }
                if (chunked) {
                    for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                        skip(size);
                        line();
                    }
                    for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                        // trailers: none expected
                    }
                }
                else if (length > 0) {
                    skip(length);
                }
                if (close) {
                    close();
                }
                return status;
            }
            catch (SocketTimeoutException e) {
                close();
                return 0;
            }
            catch (IOException | RuntimeException e) {
                close();
                return 0;
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                }
                catch (IOException ignored) {
                    // closing
                }
            }
            socket = null;
        }
    }
}
