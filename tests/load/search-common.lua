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
-- SEARCH_UNCACHED=1 makes every request a different URL (a "fresh" parameter the site ignores), so none is answered
-- from the reader cache: the cost of searching itself.
local uncached = os.getenv("SEARCH_UNCACHED") == "1"
local thread_id = 0
local run = tostring(os.time())

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("prefix", thread_id)
end

request = function()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  if uncached then
    path = path .. "&fresh=" .. run .. "-" .. tostring(prefix or 0) .. "-" .. counter
  end
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT p50=%.1fms p95=%.1fms p99=%.1fms requests/s=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000), summary.requests, errors))
end
