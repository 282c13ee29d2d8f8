-- Shared by the wrk scripts of bench/run: one machine-readable line per run.
-- RESULT <requests/s> <p50 ms> <p95 ms> <p99 ms> <p99.9 ms> <errors> <requests> <successful requests/s>
-- (errors include answers >= 400, such as a write shed with 503)
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %.2f %d %d %.1f\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, errors, summary.requests, (summary.requests - errors) / seconds))
end
