-- wrk script: misspelt searches that find nothing by their words, so the site respells them from the lexicon
-- or falls back to trigram likeness. Usage: wrk -t2 -c8 -d30s -s tests/load/search-fuzzy.lua http://127.0.0.1:5080
local paths = {
  "/api/v1/search?q=budjet",
  "/api/v1/search?q=feries",
  "/api/v1/search?q=harbor%20expanshun",
  "/api/v1/search?q=pensoin%20fund",
  "/api/v1/search?q=tunel%20contrat",
  "/api/v1/search?q=dredgng%20budgett",
  "/api/v1/search?q=wnid%20farm",
  "/api/v1/search?q=flod%20bariers",
  "/api/v1/search?q=tram%20extenshion",
  "/api/v1/search?q=watter%20tarifs",
  "/api/v1/search?q=custom%20cheks",
  "/api/v1/search?q=grain%20terminl",
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
