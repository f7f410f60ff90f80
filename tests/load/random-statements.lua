-- Statement pages spread over the whole id range (env FIRST_ID..LAST_ID): mostly cache misses, so the database works.
local first = tonumber(os.getenv("FIRST_ID") or "1")
local last = tonumber(os.getenv("LAST_ID") or "1000000")
math.randomseed(os.time())

request = function()
  return wrk.format("GET", "/statements/" .. math.random(first, last))
end

dofile(os.getenv("REPORT_LUA") or "tests/load/report.lua")
