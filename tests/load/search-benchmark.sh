#!/usr/bin/env bash
# Search benchmark on a generated knowledge base (>= 1M statements), against 127.0.0.1 only, bounded in time.
# Prints wrk p50/p95/p99 and requests/s for common and misspelt queries, EXPLAIN ANALYZE of the statements query,
# index sizes, and the full-text search against an unindexed ILIKE '%...%' scan over the same rows.
#
#   tests/load/search-benchmark.sh                 # start a private PostgreSQL, generate 1M statements if absent, run
#   DURATION=30s CONNECTIONS=8 tests/load/search-benchmark.sh
#   NEWSCLAIMS_BENCH_SITE=/path/NewsClaims.Web.dll  # run a site built elsewhere (default: builds src/NewsClaims.Web, Release)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
STATEMENTS=${STATEMENTS:-1000000}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; fi
  command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk (as root)"; exit 1; }
fi

tests/load/search-db.sh start
DB=newsclaims_bench
CS=$(tests/load/search-db.sh env "$DB")
port=$(cat "${NEWSCLAIMS_BENCH_DIR:-/tmp/newsclaims-bench-pg}/port")
psql_() { "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U app -d "$DB" -X -q -v ON_ERROR_STOP=1 "$@"; }
"$PGBIN/psql" -h 127.0.0.1 -p "$port" -U app -d postgres -X -q -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U app -d postgres -X -q -c "CREATE DATABASE $DB"

have=0
if [ "$(psql_ -tAc "SELECT to_regclass('statements') IS NOT NULL")" = t ]; then have=$(psql_ -tAc "SELECT count(*) FROM statements"); fi
if [ "$have" -lt "$STATEMENTS" ]; then
  echo "== generating the knowledge base ($STATEMENTS statements)"
  dotnet run -c Release --project src/NewsClaims.Cli -- generate --connection "$CS" --statements "$STATEMENTS"
fi

# The generator loads with triggers off (as a restore does); refill the search tables in one set-based pass.
indexed=$(psql_ -tAc "SELECT count(*) FROM statement_search")
total=$(psql_ -tAc "SELECT count(*) FROM statements")
if [ "$indexed" != "$total" ]; then
  echo "== rebuilding statement_search ($total statements)"
  psql_ -c "SET maintenance_work_mem = '1GB'" -c "SELECT statement_search_rebuild()" -c "VACUUM ANALYZE statement_search" -c "VACUUM ANALYZE search_lexicon"
fi

# Imports write search rows in statement order, and relevance walks them newest-first. A knowledge base rebuilt before
# the rebuild kept that order (before 2 December 2026) has them shuffled: put them in order once, as an import would have.
shuffled=$(psql_ -tAc "SELECT coalesce((SELECT correlation < 0.9 FROM pg_stats WHERE tablename = 'statement_search' AND attname = 'statement_id'), true)")
if [ "$shuffled" = t ]; then
  echo "== putting statement_search in statement order"
  psql_ -c "SET maintenance_work_mem = '1GB'" -c "CLUSTER statement_search USING statement_search_pkey" -c "ANALYZE statement_search"
fi

site_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
site=${NEWSCLAIMS_BENCH_SITE:-}
if [ -z "$site" ]; then
  dotnet build src/NewsClaims.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
  site=src/NewsClaims.Web/bin/Release/net10.0/NewsClaims.Web.dll
fi
echo "== starting the site on 127.0.0.1:$site_port"
# Rate limit lifted for the load generator; request logging at Warning so the console is not the bottleneck;
# no parallel query workers, which only add contention at 8 concurrent searches on a small machine.
ConnectionStrings__NewsClaims="$CS;Options=-c max_parallel_workers_per_gather=0" \
Search__RateLimit__PermitLimit=1000000000 Serilog__MinimumLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$site" --urls "http://127.0.0.1:$site_port" >/tmp/newsclaims-bench-site.log 2>&1 &
site_pid=$!
trap 'kill $site_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$site_port/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$site_port/health" >/dev/null || { echo "site did not start"; cat /tmp/newsclaims-bench-site.log; exit 1; }

base="http://127.0.0.1:$site_port"
# Searching, not the cache, until .NET has compiled the hot paths at full optimisation (tiered compilation takes
# a few thousand calls): a freshly started site spends a third more CPU per search in its first ~20 seconds.
echo "== warm-up (30 s)"
SEARCH_SET=common SEARCH_UNCACHED=1 wrk -t2 -c"$CONNECTIONS" -d20s -s tests/load/search.lua "$base" >/dev/null
SEARCH_SET=fuzzy SEARCH_UNCACHED=1 wrk -t2 -c"$CONNECTIONS" -d10s -s tests/load/search.lua "$base" >/dev/null
# Uncached first: every request a new URL, so each one searches (the cost of the search itself); then the same
# twelve queries over and over, as popular searches are, answered from the reader cache after their first time.
for mode in uncached cached; do
  SEARCH_UNCACHED=0; [ "$mode" = uncached ] && SEARCH_UNCACHED=1
  export SEARCH_UNCACHED
  echo "== $mode: common one- and two-word queries with facets: wrk -t2 -c$CONNECTIONS -d$DURATION"
  SEARCH_SET=common wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s tests/load/search.lua "$base" | grep -E "RESULT|Non-2xx|Socket errors"
  echo "== $mode: misspelt queries (respelled or trigram fallback): wrk -t2 -c$CONNECTIONS -d$DURATION"
  SEARCH_SET=fuzzy wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s tests/load/search.lua "$base" | grep -E "RESULT|Non-2xx|Socket errors"
done

echo "== what one request returns (common word)"
curl -s "$base/api/v1/search?q=dredging%20budget" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("match", d["match"], "total", d["total"], "lowerBound", d["totalIsLowerBound"], "first", d["statements"]["items"][0]["highlight"][:90]); print("facets", {k: len(v) for k, v in d["facets"].items()})'
curl -s "$base/api/v1/search?q=dredgng%20budgett" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("match", d["match"], "searchedFor", d["searchedFor"], "total", d["total"])'

echo "== EXPLAIN ANALYZE: statements page query, relevance (as the site sends it: the words are a parameter)"
psql_ -c "SET max_parallel_workers_per_gather = 0" -c "
PREPARE page(text) AS
SELECT m.statement_id, m.score FROM (
  SELECT w.statement_id, (ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', w.document, websearch_to_tsquery('public.nc_english'::regconfig, \$1))::float8
         * CASE WHEN w.status IN ('confirmed', 'corrected') THEN 1.5 ELSE 1.0 END
         * (1.0 + 0.5 / (1.0 + greatest(0, current_date - coalesce(w.published_on, date '1970-01-01'))::float8 / 365.0)))::real AS score
  FROM (SELECT s.statement_id, s.document, s.status, s.published_on FROM statement_search s
        WHERE s.document @@ websearch_to_tsquery('public.nc_english'::regconfig, \$1) AND s.status <> 'rejected'
        ORDER BY s.statement_id DESC LIMIT 500) w) m
ORDER BY m.score DESC, m.statement_id DESC LIMIT 21;" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE page('dredging budget');" \
  -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE page('gopehal');"
mid=$(psql_ -tAc "SELECT word FROM search_lexicon WHERE occurrences BETWEEN 3000 AND 8000 ORDER BY occurrences DESC, word LIMIT 1")
if [ -n "$mid" ]; then
  echo "== EXPLAIN ANALYZE: '$mid', a word of middling frequency: newest first through the id index (PostgreSQL's own choice), then every match through the word index (the site's)"
  psql_ -c "SET max_parallel_workers_per_gather = 0" \
    -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT s.statement_id FROM statement_search s WHERE s.document @@ websearch_to_tsquery('public.nc_english'::regconfig, '$mid') ORDER BY s.statement_id DESC LIMIT 500;" \
    -c "EXPLAIN (ANALYZE, COSTS OFF) WITH every_match AS MATERIALIZED (SELECT s.statement_id FROM statement_search s WHERE s.document @@ websearch_to_tsquery('public.nc_english'::regconfig, '$mid')) SELECT statement_id FROM every_match ORDER BY statement_id DESC LIMIT 500;" \
    | grep -E "Scan|Execution Time"
fi
echo "== EXPLAIN ANALYZE: newest first"
psql_ -c "SET max_parallel_workers_per_gather = 0" -c "
PREPARE newest(text) AS
SELECT s.statement_id, coalesce(s.published_on, '-infinity'::date) FROM statement_search s
WHERE s.document @@ websearch_to_tsquery('public.nc_english'::regconfig, \$1) AND s.status <> 'rejected'
ORDER BY coalesce(s.published_on, '-infinity'::date) DESC, s.statement_id DESC LIMIT 21;" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE newest('wind farm');"
echo "== EXPLAIN ANALYZE: trigram fallback for 'wnid farm'"
psql_ -c "SET max_parallel_workers_per_gather = 0" -c "SET pg_trgm.word_similarity_threshold = 0.45" -c "
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.statement_id, c.similarity FROM (
  SELECT s.statement_id, word_similarity('wnid farm', s.folded_text) AS similarity FROM statement_search s
  WHERE 'wnid farm' <% s.folded_text AND s.status <> 'rejected' LIMIT 300) c
ORDER BY c.similarity DESC, c.statement_id DESC LIMIT 20;"
echo "== EXPLAIN ANALYZE: did-you-mean lookup in the lexicon"
psql_ -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT word FROM search_lexicon WHERE word % 'dredgng' ORDER BY similarity(word, 'dredgng') DESC, occurrences DESC LIMIT 1;"

echo "== index sizes"
psql_ -c "SELECT c.relname AS index, t.relname AS table, pg_size_pretty(pg_relation_size(c.oid)) AS size
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relname IN ('statement_search', 'search_lexicon', 'statements', 'claims', 'annotations') ORDER BY pg_relation_size(c.oid) DESC;" \
  -c "SELECT pg_size_pretty(pg_total_relation_size('statement_search')) AS statement_search_total, pg_size_pretty(pg_total_relation_size('statements')) AS statements_total, (SELECT count(*) FROM search_lexicon) AS lexicon_words;"

echo "== full-text search vs an unindexed ILIKE '%...%' scan (same rows, same top 20; 5 runs each, median)"
python3 - "$PGBIN/psql" "$port" "$DB" <<'PY'
import re, statistics, subprocess, sys
psql, port, db = sys.argv[1:4]
def run(setup, sql):
    out = subprocess.run([psql, "-h", "127.0.0.1", "-p", port, "-U", "app", "-d", db, "-X", "-q", "-c", "SET max_parallel_workers_per_gather = 0",
                          "-c", setup, "-c", "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) " + sql], capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Execution Time: ([0-9.]+) ms", out).group(1))
for phrase in ["dredging budget", "wind farm", "pension fund"]:
    fts = "SELECT statement_id FROM statement_search WHERE document @@ websearch_to_tsquery('public.nc_english', '\"%s\"') ORDER BY statement_id DESC LIMIT 20" % phrase
    ilike = "SELECT id FROM statements WHERE text ILIKE '%%%s%%' ORDER BY id DESC LIMIT 20" % phrase
    t_fts = statistics.median(run("SET enable_seqscan = on", fts) for _ in range(5))
    t_ilike = statistics.median(run("SET enable_indexscan = off; SET enable_bitmapscan = off", ilike) for _ in range(5))
    print(f"{phrase!r}: full-text {t_fts:.1f} ms, unindexed ILIKE {t_ilike:.1f} ms, ILIKE/full-text = {t_ilike / t_fts:.1f}x")
PY
