-- Prints the figures the reader-site benchmark reports: requests/s and latency p50/p95/p99 (wrk's --latency has no p95).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests/s %.0f | p50 %.2f ms | p95 %.2f ms | p99 %.2f ms | max %.2f ms | requests %d | errors %d (non-2xx %d, timeouts %d)\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout))
end
