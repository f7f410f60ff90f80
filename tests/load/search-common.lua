-- wrk script: common one- and two-word searches on the generated knowledge base, facets included (the API always
-- counts them). Usage: wrk -t2 -c8 -d30s -s tests/load/search-common.lua http://127.0.0.1:5080
local paths = {
  "/api/v1/search?q=budget",
  "/api/v1/search?q=ferries",
  "/api/v1/search?q=harbour",
  "/api/v1/search?q=pension",
  "/api/v1/search?q=tunnel",
  "/api/v1/search?q=audit",
  "/api/v1/search?q=dredging%20budget",
  "/api/v1/search?q=wind%20farm",
  "/api/v1/search?q=flood%20barriers",
  "/api/v1/search?q=tram%20extension",
  "/api/v1/search?q=water%20tariffs",
  "/api/v1/search?q=customs%20checks",
}
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT p50=%.1fms p95=%.1fms p99=%.1fms requests/s=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000), summary.requests, errors))
end
