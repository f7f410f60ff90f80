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
