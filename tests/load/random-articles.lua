-- Article pages spread over the whole id range (env FIRST_ID..LAST_ID): mostly cache misses.
local first = tonumber(os.getenv("FIRST_ID") or "1")
local last = tonumber(os.getenv("LAST_ID") or "200000")
math.randomseed(os.time() + 1)

request = function()
  return wrk.format("GET", "/articles/" .. math.random(first, last))
end

dofile(os.getenv("REPORT_LUA") or "tests/load/report.lua")
