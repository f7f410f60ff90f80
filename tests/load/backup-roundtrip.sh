#!/usr/bin/env bash
# Backup and restore, proven: pg_dump -Fc of a knowledge base, pg_restore into a new database, then the two are
# compared table by table (row count and an md5 of every row), sequence by sequence and by schema objects, and the
# restored copy must take a new import (triggers, search functions and sequences work after the restore).
#
#   tests/load/backup-roundtrip.sh                   # throwaway PostgreSQL; nothing else is touched
#   SLICE=500 GENERATED=0 tests/load/backup-roundtrip.sh
#
# Databases set up and round-tripped: "site" (migrations, the demo articles, a first administrator, the first SLICE
# lines of ../shared/corpus/bbc/articles.jsonl when present) and, unless GENERATED=0, "generated" (a small invented
# knowledge base from `newsclaims generate`: people with roles and aliases, claims with verdicts and relations).
# Exit 0 only when every comparison is equal.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/load/lib.sh
. tests/load/lib.sh
SLICE=${SLICE:-300}
GENERATED=${GENERATED:-1}
CORPUS=${CORPUS:-../shared/corpus/bbc/articles.jsonl}

work=$(ops_tempdir)
site_pid=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [ -n "$site_pid" ]; then kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; fi
  pg_stop "$work" immediate 2>/dev/null || true
  if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== building the site and the command line (Release)"
build_release
port=$(free_port)
pg_new "$work"
pg_start "$work" "$port"
echo "== PostgreSQL on 127.0.0.1:$port ($work/data)"

echo "== database \"site\": migrations, demo articles and a first administrator (through the site's start-up)"
pg_sql "$port" postgres -c "CREATE DATABASE site"
site_port=$(free_port)
start_site "$work/site.log" "http://127.0.0.1:$site_port" ConnectionStrings__NewsClaims="$(pg_cs "$port" site)" \
  NEWSCLAIMS_MIGRATE=true NEWSCLAIMS_DEMO_DATA=true NEWSCLAIMS_ADMIN_EMAIL=admin@example.test \
  NEWSCLAIMS_ADMIN_PASSWORD=backup-roundtrip-passphrase
site_pid=$SITE_PID
if ! wait_http "http://127.0.0.1:$site_port/health" 180; then echo "the site did not start:"; tail -30 "$work/site.log"; exit 1; fi
kill "$site_pid"
wait "$site_pid" 2>/dev/null || true
site_pid=""
if [ -f "$CORPUS" ]; then
  head -n "$SLICE" "$CORPUS" >"$work/slice.jsonl"
  echo "== database \"site\": importing the first $SLICE articles of $CORPUS"
  rc=0
  dotnet "$CLI_DLL" import -q --connection "$(pg_cs "$port" site)" "$work/slice.jsonl" >"$work/slice-import.txt" 2>&1 || rc=$?
  sed 's/^/   /' "$work/slice-import.txt" | tail -5
  if [ "$rc" != 0 ] && [ "$rc" != 2 ]; then echo "FAIL: the import exited with $rc"; exit 1; fi
else
  echo "== $CORPUS not found: database \"site\" has the demo articles only"
fi
databases=(site)
if [ "$GENERATED" != 0 ]; then
  echo "== database \"generated\": a small invented knowledge base (newsclaims generate)"
  pg_sql "$port" postgres -c "CREATE DATABASE generated"
  dotnet "$CLI_DLL" generate --connection "$(pg_cs "$port" generated)" --people 400 --articles 1000 --statements 5000 \
    --heavy-speakers 2 --heavy-statements 500 --claims 200 >"$work/generate.txt" 2>&1 || { cat "$work/generate.txt"; exit 1; }
  tail -1 "$work/generate.txt" | sed 's/^/   /'
  databases+=(generated)
fi

failures=()
sequences() { pg_sql "$port" "$1" -tA -F ' ' -c "SELECT sequencename, coalesce(last_value, 0) FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"; }
schema_objects() {
  pg_sql "$port" "$1" -tA -F ' ' -c "
    SELECT 'indexes', count(*) FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT 'triggers', count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal
    UNION ALL SELECT 'functions', count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    UNION ALL SELECT 'constraints', count(*) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = 'public'
    UNION ALL SELECT 'text_search_configurations', count(*) FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE n.nspname = 'public'
    UNION ALL SELECT 'extensions', count(*) FROM pg_extension"
}
compare() { # what source-file restored-file: lines "name value..." side by side
  local what=$1
  python3 - "$2" "$3" "$what" <<'PY' || failures+=("$what differ (see above)")
import sys
def load(path):
    with open(path) as f:
        return {p[0]: p[1:] for p in (line.split() for line in f) if p}
a, b, what = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
bad = 0
for name in sorted(set(a) | set(b)):
    x, y = a.get(name), b.get(name)
    same = x == y
    bad += not same
    shown = lambda v: "missing" if v is None else v[0]
    extra = "" if len(x or y) < 2 else ("  md5 equal" if same else "  md5 DIFFERENT")
    print(f"   {what:<10} {name:<32} {shown(x):>10} {shown(y):>10}  {'ok' if same else 'DIFFERENT'}{extra}")
sys.exit(1 if bad else 0)
PY
}

for db in "${databases[@]}"; do
  dump="$work/$db.dump"
  t0=$(now)
  "$PGBIN/pg_dump" -h 127.0.0.1 -p "$port" -U app -d "$db" -Fc -f "$dump"
  t1=$(now)
  pg_sql "$port" postgres -c "CREATE DATABASE ${db}_restored TEMPLATE template0"
  "$PGBIN/pg_restore" -h 127.0.0.1 -p "$port" -U app -d "${db}_restored" --exit-on-error --no-owner "$dump"
  t2=$(now)
  echo "== $db: pg_dump -Fc $(du -h "$dump" | cut -f1) in $(python3 -c "print(f'{$t1 - $t0:.1f}')") s, pg_restore into ${db}_restored in $(python3 -c "print(f'{$t2 - $t1:.1f}')") s"
  echo "   what       name                                 $db   restored"
  table_fingerprints "$port" "$db" >"$work/$db.tables"
  table_fingerprints "$port" "${db}_restored" >"$work/$db.restored.tables"
  compare table "$work/$db.tables" "$work/$db.restored.tables"
  sequences "$db" >"$work/$db.sequences"
  sequences "${db}_restored" >"$work/$db.restored.sequences"
  compare sequence "$work/$db.sequences" "$work/$db.restored.sequences"
  schema_objects "$db" >"$work/$db.schema"
  schema_objects "${db}_restored" >"$work/$db.restored.schema"
  compare schema "$work/$db.schema" "$work/$db.restored.schema"
done

echo "== the restored copy takes a new article (triggers, search functions and sequences after the restore)"
cat >"$work/after-restore.txt" <<'TXT'
---
title: Harbour Board Confirms Spring Reopening After Restore Drill
outlet: Restore Drill Gazette
published: 2026-12-01
---
The harbour will reopen in the spring, the port director said on Monday.

"We have checked every berth twice and the cranes are ready," said Ilse Varnhagen, the director of the port, at a press conference in Rostock.
TXT
before=$(pg_sql "$port" site_restored -tAc "SELECT count(*) FROM statements")
rc=0
dotnet "$CLI_DLL" import -q --connection "$(pg_cs "$port" site_restored)" "$work/after-restore.txt" >"$work/after-restore-import.txt" 2>&1 || rc=$?
sed 's/^/   /' "$work/after-restore-import.txt" | head -2
after=$(pg_sql "$port" site_restored -tAc "SELECT count(*) FROM statements")
unindexed=$(pg_sql "$port" site_restored -tAc "SELECT count(*) FROM statements s WHERE NOT EXISTS (SELECT 1 FROM statement_search x WHERE x.statement_id = s.id)")
found=$(pg_sql "$port" site_restored -tAc "SELECT count(*) FROM statement_search WHERE document @@ websearch_to_tsquery('public.nc_english', 'cranes berth')")
echo "   import exit code $rc; statements $before -> $after; statements without a search row: $unindexed; search hits for 'cranes berth': $found"
if [ "$rc" != 0 ] || [ "$after" -le "$before" ] || [ "$unindexed" != 0 ] || [ "$found" -lt 1 ]; then
  failures+=("the restored database did not take a new article cleanly")
fi

if [ ${#failures[@]} -gt 0 ]; then
  echo "FAIL:"
  printf '  %s\n' "${failures[@]}"
  exit 1
fi
echo "PASS: ${databases[*]}: every table (rows and md5 of the rows), sequence and schema object restored equal; the restored copy takes new imports"
