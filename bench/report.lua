-- Prints one machine-readable line per run: requests/s, non-2xx answers and latency percentiles in ms.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f requests=%d errors=%d p50=%.2f p90=%.2f p99=%.2f max=%.2f\n",
    summary.requests / seconds, summary.requests, errors,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
