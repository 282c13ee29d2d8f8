import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A constant-rate (open-loop) load generator, as wrk2 would be: requests are sent on a fixed
 * schedule whether or not earlier ones have answered, and each latency is measured from the
 * moment the request was due, so a stalled server cannot hide its queue (no coordinated omission).
 * The mix is 90% reads (status JSON, availability, incident list, claim list) and 10% writes
 * (incident creation, each starting a process).
 *
 * Usage: java RateLoad.java BASE_URL RATE SECONDS MONTH
 * Prints: RESULT <answered requests/s> <p50 ms> <p95 ms> <p99 ms> <p99.9 ms> <errors> <requests> <successful requests/s>
 */
public class RateLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String month = args[3];
        String sre = "Basic " + Base64.getEncoder().encodeToString("sre:demo".getBytes(StandardCharsets.UTF_8));
        String customer = "Basic " + Base64.getEncoder().encodeToString("bench-c1:bench".getBytes(StandardCharsets.UTF_8));
        List<HttpRequest> reads = List.of(
                HttpRequest.newBuilder(URI.create(base + "/status.json")).build(),
                HttpRequest.newBuilder(URI.create(base + "/api/availability?month=" + month)).header("Authorization", sre).build(),
                HttpRequest.newBuilder(URI.create(base + "/api/incidents?limit=50")).header("Authorization", sre).build(),
                HttpRequest.newBuilder(URI.create(base + "/api/credit-requests")).header("Authorization", customer).build());
        HttpRequest write = HttpRequest.newBuilder(URI.create(base + "/api/incidents")).header("Authorization", sre)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"mixed write\",\"severity\":\"P3\",\"components\":[\"core\"],"
                        + "\"environment\":\"production\",\"impact\":\"degraded\"}"))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();

        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = i % 10 == 9 ? write : reads.get(i % 10 % reads.size());
            HttpRequest timed = HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(10)).build();
            CompletableFuture<?> f = client.sendAsync(timed, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latencies[recorded.getAndIncrement()] = System.nanoTime() - due;
                        if (failure != null || response.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    });
            pending.add(f);
            if (pending.size() > 20_000) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        long sendEnd = System.nanoTime();
        for (CompletableFuture<?> f : pending) {
            try {
                f.get(15, TimeUnit.SECONDS);
            }
            catch (Exception e) {
                // counted in errors by whenComplete, or still outstanding: counted below
            }
        }
        int n = recorded.get();
        long outstanding = total - n;
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        double elapsed = (Math.max(sendEnd, System.nanoTime()) - start) / 1e9;
        long failed = errors.get() + outstanding;
        System.out.printf("RESULT %.1f %.2f %.2f %.2f %.2f %d %d %.1f%n", n / elapsed, ms(sorted, 50), ms(sorted, 95),
                ms(sorted, 99), ms(sorted, 99.9), failed, total, (total - failed) / elapsed);
        System.exit(0);
    }

    static double ms(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
