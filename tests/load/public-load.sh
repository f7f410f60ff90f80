#!/usr/bin/env bash
# Public endpoints under load on the generated knowledge base: a heavy person page, an article page and
# /api/v1/search with a common word, each for DURATION at CONNECTIONS connections (wrk --latency), twice, with the
# site's resident memory (VmRSS) before and after every run so a growth trend shows. Fails on any non-2xx answer
# or socket error.
#
#   tests/load/public-load.sh                                   # 60 s x 64 connections per target and pass
#   DURATION=20s CONNECTIONS=32 tests/load/public-load.sh
#   DEMO=1 DATABASE=newsclaims_demo DURATION=3s CONNECTIONS=4 tests/load/public-load.sh   # smoke run, demo articles
#
# The database lives on the benchmark PostgreSQL of search-db.sh (NEWSCLAIMS_BENCH_DIR, default
# /tmp/newsclaims-bench-pg), generated as search-benchmark.sh does when it holds fewer than STATEMENTS statements
# (DEMO=1: the demo articles instead). The site is a Release build in Production, request logging at Warning and
# the search rate limit lifted, as in search-benchmark.sh. SLUG, ARTICLE and QUERY choose the targets; by default
# the person with the most statements, the article with the most statements and the lexicon's most frequent word.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/load/lib.sh
. tests/load/lib.sh
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PASSES=${PASSES:-2}
DATABASE=${DATABASE:-newsclaims_bench}
STATEMENTS=${STATEMENTS:-1000000}
DEMO=${DEMO:-0}
BENCH_DIR=${NEWSCLAIMS_BENCH_DIR:-/tmp/newsclaims-bench-pg}
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; fi
  command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk (as root)"; exit 1; }
fi

work=$(mktemp -d /tmp/newsclaims-load.XXXXXX)
site_pid=""
started_pg=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [ -n "$site_pid" ]; then kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; fi
  if [ -n "$started_pg" ]; then tests/load/search-db.sh stop >/dev/null || true; fi
  if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The benchmark server is left running when it was running before (search-benchmark.sh leaves it up).
if [ ! -f "$BENCH_DIR/data/postmaster.pid" ]; then started_pg=1; fi
tests/load/search-db.sh start
port=$(cat "$BENCH_DIR/port")
psql_() { pg_sql "$port" "$DATABASE" "$@"; }
pg_sql "$port" postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1 \
  || pg_sql "$port" postgres -c "CREATE DATABASE $DATABASE"
CS="Host=127.0.0.1;Port=$port;Username=app;Database=$DATABASE;Maximum Pool Size=$((CONNECTIONS > 32 ? CONNECTIONS : 32))"

echo "== building the site (Release)"
build_release
if [ "$DEMO" = 0 ]; then
  have=0
  if [ "$(psql_ -tAc "SELECT to_regclass('statements') IS NOT NULL")" = t ]; then have=$(psql_ -tAc "SELECT count(*) FROM statements"); fi
  if [ "$have" -lt "$STATEMENTS" ]; then
    echo "== generating the knowledge base ($STATEMENTS statements)"
    dotnet "$CLI_DLL" generate --connection "$CS;Command Timeout=0" --statements "$STATEMENTS"
  fi
  # The generator loads with triggers off (as a restore does); the search tables are refilled in one pass.
  if [ "$(psql_ -tAc "SELECT count(*) FROM statement_search")" != "$(psql_ -tAc "SELECT count(*) FROM statements")" ]; then
    echo "== rebuilding statement_search"
    psql_ -c "SET maintenance_work_mem = '1GB'" -c "SELECT statement_search_rebuild()" -c "VACUUM ANALYZE statement_search" -c "VACUUM ANALYZE search_lexicon"
  fi
fi

site_port=$(free_port)
base="http://127.0.0.1:$site_port"
start_site "$work/site.log" "$base" ConnectionStrings__NewsClaims="$CS" Search__RateLimit__PermitLimit=1000000000 \
  NEWSCLAIMS_MIGRATE="$([ "$DEMO" = 0 ] && echo false || echo true)" NEWSCLAIMS_DEMO_DATA="$([ "$DEMO" = 0 ] && echo false || echo true)"
site_pid=$SITE_PID
if ! wait_http "$base/health" 180; then echo "the site did not start:"; tail -30 "$work/site.log"; exit 1; fi

slug=${SLUG:-$(psql_ -tAc "SELECT p.slug FROM people p JOIN statements s ON s.speaker_id = p.id GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1")}
article=${ARTICLE:-$(psql_ -tAc "SELECT article_id FROM statements GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT 1")}
query=${QUERY:-$(psql_ -tAc "SELECT word FROM search_lexicon WHERE length(word) >= 5 ORDER BY occurrences DESC, word LIMIT 1")}
statements_of_slug=$(psql_ -tAc "SELECT count(*) FROM statements s JOIN people p ON p.id = s.speaker_id WHERE p.slug = '$slug'")
echo "== site pid $SITE_PID on $base; $(psql_ -tAc "SELECT count(*) FROM statements") statements in $DATABASE"
echo "   person /speakers/$slug ($statements_of_slug statements), article /articles/$article, search /api/v1/search?q=$query"
names=(person article search)
paths=("/speakers/$slug" "/articles/$article" "/api/v1/search?q=$query")
for path in "${paths[@]}"; do curl -fsS -o /dev/null --max-time 60 "$base$path"; done

errors=0
printf '\n%-5s %-8s %10s %9s %9s %9s %8s %8s %11s %11s\n' pass target "requests/s" p50 p95 p99 non-2xx socket "RSS before" "RSS after"
for pass in $(seq 1 "$PASSES"); do
  for i in "${!names[@]}"; do
    before=$(rss_kb "$site_pid")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency -s tests/load/report.lua "$base${paths[$i]}" >"$work/wrk.txt"
    after=$(rss_kb "$site_pid")
    report=$(grep '^requests/s' "$work/wrk.txt")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk.txt")
    socket=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/wrk.txt")
    non2xx=${non2xx:-0}
    socket=${socket:-0}
    errors=$((errors + non2xx + socket))
    # shellcheck disable=SC2001  # one sed expression per figure reads best here
    printf '%-5s %-8s %10s %9s %9s %9s %8s %8s %8s MB %8s MB\n' "$pass" "${names[$i]}" \
      "$(sed 's/^requests\/s \([0-9]*\).*/\1/' <<<"$report")" \
      "$(sed 's/.*p50 \([0-9.]* ms\).*/\1/' <<<"$report")" \
      "$(sed 's/.*p95 \([0-9.]* ms\).*/\1/' <<<"$report")" \
      "$(sed 's/.*p99 \([0-9.]* ms\).*/\1/' <<<"$report")" \
      "$non2xx" "$socket" "$((before / 1024))" "$((after / 1024))"
    cat "$work/wrk.txt" >>"$work/wrk-all.txt"
  done
done
echo
echo "RSS of the site at the end: $(($(rss_kb "$site_pid") / 1024)) MB (peak $(($(awk '/^VmHWM:/ {print $2}' "/proc/$site_pid/status") / 1024)) MB)"
if [ "$errors" -gt 0 ]; then
  echo "FAIL: $errors non-2xx answers or socket errors (wrk output below)"
  grep -E 'Non-2xx|Socket errors|Requests/sec' "$work/wrk-all.txt" || true
  tail -20 "$work/site.log"
  exit 1
fi
echo "PASS: no errors over $PASSES passes of ${names[*]} at $CONNECTIONS connections for $DURATION each"
