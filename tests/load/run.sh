#!/usr/bin/env bash
# Reader-site load test with wrk at 32 connections (the issue's yardstick: p95 <= 30 ms and >= 1,000 requests/s).
# Usage: tests/load/run.sh BASE_URL HEAVY_SLUG ARTICLE_ID STATEMENT_ID [LAST_ARTICLE_ID LAST_STATEMENT_ID]
#   BASE_URL     the site, e.g. http://127.0.0.1:5093 (a published Release build on the generated data)
#   HEAVY_SLUG   a person with 20,000 statements (printed by `newsclaims generate`)
# Each page is warmed with one request first; "hot" runs measure the output-cached page, the "spread" runs pick
# random ids over the whole table so most requests miss the cache and reach PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:?base url}; slug=${2:?heavy speaker slug}; article=${3:?article id}; statement=${4:?statement id}
last_article=${5:-200000}; last_statement=${6:-1000000}
duration=${DURATION:-20s}
export REPORT_LUA=tests/load/report.lua
run() { local name=$1; shift; printf '%-34s ' "$name"; wrk -t2 -c32 -d"$duration" --timeout 5s "$@" | tail -1; }

for path in "/speakers/$slug" "/articles/$article" "/statements/$statement"; do curl -fsS -o /dev/null "$base$path"; done
run "person (20,000 statements), hot" -s tests/load/report.lua "$base/speakers/$slug"
run "article, hot" -s tests/load/report.lua "$base/articles/$article"
run "statement, hot" -s tests/load/report.lua "$base/statements/$statement"
SLUG=$slug run "person pages and filters" -s tests/load/person-pages.lua "$base"
LAST_ID=$last_article run "articles, spread (cache misses)" -s tests/load/random-articles.lua "$base"
LAST_ID=$last_statement run "statements, spread (cache misses)" -s tests/load/random-statements.lua "$base"
