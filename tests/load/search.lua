-- wrk script for the search benchmark on the generated knowledge base (tests/load/search-benchmark.sh runs it).
--   SEARCH_SET=common  one- and two-word searches, facets included (the API always counts them), on the default
--                      statements tab: claims and annotations counted, as the page shows them
--   SEARCH_SET=fuzzy   misspelt searches that find nothing by their words, so the site respells them from the
--                      lexicon or falls back to trigram likeness
--   SEARCH_TAB=claims  the claims tab instead (or annotations): its items ranked and highlighted, statements counted
--   SEARCH_UNCACHED=1  every request a different URL (a "fresh" parameter the site ignores), so none is answered
--                      from the reader cache: the cost of searching itself
-- Usage: SEARCH_SET=common wrk -t2 -c8 -d30s -s tests/load/search.lua http://127.0.0.1:5080
local sets = {
  common = {
    "budget", "ferries", "harbour", "pension", "tunnel", "audit",
    "dredging%20budget", "wind%20farm", "flood%20barriers", "tram%20extension", "water%20tariffs", "customs%20checks",
  },
  fuzzy = {
    "budjet", "feries", "harbor%20expanshun", "pensoin%20fund", "tunel%20contrat", "dredgng%20budgett",
    "wnid%20farm", "flod%20bariers", "tram%20extenshion", "watter%20tarifs", "custom%20cheks", "grain%20terminl",
  },
}
local queries = assert(sets[os.getenv("SEARCH_SET") or "common"], "SEARCH_SET is common or fuzzy")
local uncached = os.getenv("SEARCH_UNCACHED") == "1"
local tab = os.getenv("SEARCH_TAB")
local run = tostring(os.time())
local counter = 0
local thread_id = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("prefix", thread_id)
end

request = function()
  counter = counter + 1
  local path = "/api/v1/search?q=" .. queries[(counter % #queries) + 1]
  if tab and tab ~= "" then
    path = path .. "&tab=" .. tab
  end
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
