-- One heavy speaker's timeline (env SLUG), walking the first pages of keyset pagination and the filters.
local slug = os.getenv("SLUG") or "mark-rutte"
local paths = {
  "/speakers/" .. slug,
  "/speakers/" .. slug .. "?kind=direct",
  "/speakers/" .. slug .. "?year=2020",
  "/speakers/" .. slug .. "?kind=indirect&year=2023",
}
local i = 0

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

dofile(os.getenv("REPORT_LUA") or "tests/load/report.lua")
