#!/usr/bin/env bash
# A bulk import killed with SIGKILL half-way leaves whole articles only, and running it again completes the
# knowledge base exactly as one clean run would.
#
#   tests/load/kill-import.sh                          # ../shared/corpus/bbc/articles.jsonl (2,225 articles)
#   CORPUS=path/articles.jsonl KILL_AFTER=4 tests/load/kill-import.sh
#
# On a throwaway PostgreSQL: (1) a clean run of `newsclaims import` into database "clean"; (2) the same import into
# database "killed", SIGKILLed KILL_AFTER seconds after it started (default: half the clean run's time);
# (3) checks on what the killed run left: every article it stored has exactly the statements the clean run gave the
# same article (matched by content hash); every statement without a search row is queued in statement_search_backlog
# (a bulk batch's search rows are built after its commit, so a kill between the two leaves them queued, never lost),
# each at most once (queued statements normally lack their row; a later batch's alias refresh may have built some); the word lexicon matches the stored statements that are not
# queued; every article has its first revision; (4) the import again into "killed" (it drains the queue first), then
# the queue is empty, every statement has its search row, and every table's row count, every article's statement
# count and the lexicon equal the clean run's. Exit 0 only when all hold.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/load/lib.sh
. tests/load/lib.sh
CORPUS=${CORPUS:-../shared/corpus/bbc/articles.jsonl}
if [ ! -f "$CORPUS" ]; then
  echo "SKIP: $CORPUS not found (the shared corpus sits beside the repository as ../shared/corpus); nothing was checked."
  exit 0
fi

work=$(ops_tempdir)
import_pid=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [ -n "$import_pid" ]; then kill -KILL "$import_pid" 2>/dev/null || true; wait "$import_pid" 2>/dev/null || true; fi
  pg_stop "$work" immediate 2>/dev/null || true
  if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== building the command line (Release)"
build_release
port=$(free_port)
pg_new "$work"
pg_start "$work" "$port"
echo "== PostgreSQL on 127.0.0.1:$port ($work/data); corpus $CORPUS ($(wc -l <"$CORPUS") lines)"
pg_sql "$port" postgres -c "CREATE DATABASE clean"
dotnet "$CLI_DLL" db migrate --connection "$(pg_cs "$port" clean)" >/dev/null
pg_sql "$port" postgres -c "CREATE DATABASE killed TEMPLATE clean"

# Exit code 2 means some input lines were rejected (and reported); the rest is imported all the same.
run_import() {
  local rc=0
  dotnet "$CLI_DLL" import -q --connection "$(pg_cs "$port" "$1")" "$CORPUS" >"$work/$1-import.txt" 2>&1 || rc=$?
  sed 's/^/   /' "$work/$1-import.txt" | tail -8
  if [ "$rc" != 0 ] && [ "$rc" != 2 ]; then echo "FAIL: the import into $1 exited with $rc"; exit 1; fi
}

# Per article (content hash): its statement count; the lexicon as stored and as recomputed from the statements.
per_article() {
  pg_sql "$port" "$1" -tA -F ' ' -c "SELECT a.content_hash, count(s.id) FROM articles a LEFT JOIN statements s ON s.article_id = a.id GROUP BY a.content_hash ORDER BY 1"
}
# Statements still queued for their search upkeep have not been counted yet: they are left out.
lexicon_drift() {
  pg_sql "$port" "$1" -tA -c "
    WITH queued AS (SELECT DISTINCT unnest(statement_ids) AS id FROM statement_search_backlog),
    expected AS (
      SELECT w.word, count(*) AS occurrences FROM statements s LEFT JOIN people p ON p.id = s.speaker_id
      CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', public.f_unaccent(s.text || ' ' || coalesce(p.name, ''))))) AS w(word)
      WHERE w.word ~ '^[[:alpha:]]{3,40}\$' AND s.id NOT IN (SELECT id FROM queued) GROUP BY w.word)
    SELECT count(*) FROM expected e FULL JOIN search_lexicon l USING (word) WHERE e.occurrences IS DISTINCT FROM l.occurrences"
}
count() { pg_sql "$port" "$1" -tAc "$2"; }

echo "== 1. clean run"
t0=$(now)
run_import clean
clean_seconds=$(python3 -c "print(f'{$(now) - $t0:.1f}')")
clean_articles=$(count clean "SELECT count(*) FROM articles")
clean_statements=$(count clean "SELECT count(*) FROM statements")
echo "   $clean_articles articles, $clean_statements statements in $clean_seconds s"
per_article clean >"$work/clean-articles.txt"
table_counts "$port" clean >"$work/clean-tables.txt"
clean_lexicon_drift=$(lexicon_drift clean)

KILL_AFTER=${KILL_AFTER:-$(python3 -c "print(f'{max(1.0, $clean_seconds / 2):.1f}')")}
echo "== 2. the same import, killed with SIGKILL after $KILL_AFTER s"
dotnet "$CLI_DLL" import -q --connection "$(pg_cs "$port" killed)" "$CORPUS" >"$work/killed-run.txt" 2>&1 &
import_pid=$!
sleep "$KILL_AFTER"
if ! kill -KILL "$import_pid" 2>/dev/null; then
  echo "FAIL: the import had already finished after $KILL_AFTER s (nothing was killed); lower KILL_AFTER"
  exit 1
fi
wait "$import_pid" 2>/dev/null || true
import_pid=""

failures=()
check() { # name expected actual
  local verdict=ok
  if [ "$2" != "$3" ]; then verdict=FAIL; failures+=("$1: expected $2, found $3"); fi
  printf '   %-62s %10s %10s  %s\n' "$1" "$2" "$3" "$verdict"
}
killed_articles=$(count killed "SELECT count(*) FROM articles")
echo "   the killed run left $killed_articles of $clean_articles articles, $(count killed "SELECT count(*) FROM statements") statements"
if [ "$killed_articles" -eq 0 ] || [ "$killed_articles" -ge "$clean_articles" ]; then
  echo "FAIL: the kill did not land mid-import ($killed_articles of $clean_articles articles stored); change KILL_AFTER"
  exit 1
fi

echo "== 3. what the killed run left                                        expected      found"
per_article killed >"$work/killed-articles.txt"
partial=$(awk 'NR == FNR { n[$1] = $2; next } !($1 in n) || n[$1] != $2' "$work/clean-articles.txt" "$work/killed-articles.txt" | wc -l)
check "articles whose statements differ from the clean run's" 0 "$partial"
unbuilt="SELECT s.id FROM statements s WHERE NOT EXISTS (SELECT 1 FROM statement_search x WHERE x.statement_id = s.id)"
queued="SELECT unnest(statement_ids) AS id FROM statement_search_backlog"
echo "   ($(count killed "SELECT count(*) FROM statement_search_backlog") batches, $(count killed "SELECT count(*) FROM ($queued) q") statements queued for their search rows)"
check "statements without their search row and not queued" 0 "$(count killed "SELECT count(*) FROM ($unbuilt EXCEPT $queued) x")"
# Normally 0; a later batch that gave one of their speakers an alias refreshes that speaker's statements, queued or not.
echo "   (queued statements that already have their search row, written by a later batch's alias refresh: $(count killed "SELECT count(*) FROM ($queued EXCEPT $unbuilt) x"))"
check "statements queued more than once" 0 "$(count killed "SELECT count(*) FROM (SELECT id FROM ($queued) q GROUP BY id HAVING count(*) > 1) x")"
check "search rows without their statement" 0 "$(count killed "SELECT count(*) FROM statement_search x WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = x.statement_id)")"
check "articles without a revision" 0 "$(count killed "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id)")"
if [ "$clean_lexicon_drift" = 0 ]; then
  check "lexicon words whose count differs from the stored statements" 0 "$(lexicon_drift killed)"
else
  echo "   (lexicon check left out: the clean run's lexicon itself differs from its statements in $clean_lexicon_drift words)"
fi

echo "== 4. the import again, into the killed database"
run_import killed
check "batches still queued for their search rows after the re-run" 0 "$(count killed "SELECT count(*) FROM statement_search_backlog")"
check "statements without their search row after the re-run" 0 "$(count killed "SELECT count(*) FROM ($unbuilt) x")"
echo "   compared with the clean run                                        clean      rerun"
per_article killed >"$work/rerun-articles.txt"
check "articles (by content hash) and their statement counts: lines differing" 0 \
  "$(diff "$work/clean-articles.txt" "$work/rerun-articles.txt" | grep -c '^[<>]' || true)"
table_counts "$port" killed >"$work/rerun-tables.txt"
while read -r table rows; do
  check "rows in $table" "$rows" "$(awk -v t="$table" '$1 == t { print $2 }' "$work/rerun-tables.txt")"
done <"$work/clean-tables.txt"
if [ "$clean_lexicon_drift" = 0 ]; then
  check "lexicon words whose count differs from the stored statements" 0 "$(lexicon_drift killed)"
fi
check "lexicon occurrences in total" "$(count clean "SELECT coalesce(sum(occurrences), 0) FROM search_lexicon")" \
  "$(count killed "SELECT coalesce(sum(occurrences), 0) FROM search_lexicon")"

if [ ${#failures[@]} -gt 0 ]; then
  echo "FAIL: ${#failures[@]} difference(s)"
  printf '  %s\n' "${failures[@]}"
  exit 1
fi
echo "PASS: killed after $KILL_AFTER s with $killed_articles of $clean_articles articles stored, each whole; the re-run matches the clean run ($clean_articles articles, $clean_statements statements)"
