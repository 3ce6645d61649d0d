-- What the catalogue's wrk scripts share. Each thread gets a global "id" (0, 1, ...) to start at its own offset;
-- the run ends with one machine-readable line: requests/s, errors (non-2xx answers, timeouts, socket errors) and
-- latency percentiles in ms, p95 included.
local created = 0
function setup(thread)
  thread:set("id", created)
  created = created + 1
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f requests=%d errors=%d p50=%.2f p95=%.2f p99=%.2f max=%.2f\n",
    summary.requests / seconds, summary.requests, errors, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
