#!/usr/bin/env bash
# Database outage while the site serves: PostgreSQL is stopped under a light request loop and started again,
# the site is never restarted. Every request's status and duration is recorded.
#
#   tests/load/faults.sh                      # throwaway PostgreSQL + the demo articles, Release build of the site
#   OUTAGE=10 RECOVERY=15 tests/load/faults.sh
#   FAULT=freeze tests/load/faults.sh         # PostgreSQL frozen (SIGSTOP) instead of stopped: connections hang
#
# Three loops (sequential curl, 10 requests/s each at most) ask for a person page, /api/v1/search with a common
# word and /health. Page and search requests carry a unique ?probe=N so the output cache never answers for the
# database. Passes when, with PostgreSQL down, every request answers within MAX_FAIL_SECONDS (2) and none with a
# status other than 503 (a 200 served without the database is counted apart and allowed), /health answers 503, and
# once PostgreSQL is back each target gives a 200 within MAX_RECOVERY_SECONDS (5) and only 200s after that.
# FAULT=stop (default) is `pg_ctl stop -m fast`: connections are refused at once. FAULT=freeze sends SIGSTOP to the
# server and its processes (SIGCONT to end it): connections are accepted by the kernel and never answered, as with
# a hung server or a lost network, so only the site's own timeouts keep its answers fast.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/load/lib.sh
. tests/load/lib.sh
OUTAGE=${OUTAGE:-10}
RECOVERY=${RECOVERY:-15}
MAX_FAIL_SECONDS=${MAX_FAIL_SECONDS:-2}
MAX_RECOVERY_SECONDS=${MAX_RECOVERY_SECONDS:-5}
FAULT=${FAULT:-stop}
case "$FAULT" in stop | freeze) ;; *) echo "FAULT is stop or freeze" >&2; exit 2 ;; esac

work=$(ops_tempdir)
site_pid=""
loop_pids=()
frozen=()
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  local pid
  for pid in "${loop_pids[@]}" $site_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in "${loop_pids[@]}" $site_pid; do wait "$pid" 2>/dev/null || true; done
  if [ ${#frozen[@]} -gt 0 ]; then kill -CONT "${frozen[@]}" 2>/dev/null || true; fi
  pg_stop "$work" immediate 2>/dev/null || true
  if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== building the site (Release)"
build_release
pg_port=$(free_port)
pg_new "$work"
pg_start "$work" "$pg_port"
pg_sql "$pg_port" postgres -c "CREATE DATABASE newsclaims"
echo "== PostgreSQL on 127.0.0.1:$pg_port ($work/data)"

site_port=$(free_port)
base="http://127.0.0.1:$site_port"
start_site "$work/site.log" "$base" ConnectionStrings__NewsClaims="$(pg_cs "$pg_port" newsclaims)" NEWSCLAIMS_MIGRATE=true \
  NEWSCLAIMS_DEMO_DATA=true Search__RateLimit__PermitLimit=1000000000
site_pid=$SITE_PID
if ! wait_http "$base/health" 180; then echo "the site did not start:"; tail -30 "$work/site.log"; exit 1; fi
echo "== site (pid $site_pid) on $base, demo data loaded"

slug=$(pg_sql "$pg_port" newsclaims -tAc "SELECT p.slug FROM people p JOIN statements s ON s.speaker_id = p.id GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1")
word=$(pg_sql "$pg_port" newsclaims -tAc "SELECT word FROM search_lexicon WHERE length(word) >= 5 ORDER BY occurrences DESC, word LIMIT 1")
declare -A targets=([person]="$base/speakers/$slug?probe=" [search]="$base/api/v1/search?q=$word&probe=" [health]="$base/health")
# Page and search addresses end in "probe=": each request appends its own number.
url() { if [[ $1 == *= ]]; then echo "$1$2"; else echo "$1"; fi; }
for name in person search health; do
  curl -sf -o /dev/null --max-time 30 "$(url "${targets[$name]}" 0)" || { echo "warm-up request to ${targets[$name]} failed"; exit 1; }
done
echo "== targets: person /speakers/$slug, search /api/v1/search?q=$word, /health"

# One line per request: start time (epoch seconds), status (000 = no answer), duration in seconds.
probe() {
  local url=$1 out=$2 n=0 start result
  while :; do
    n=$((n + 1))
    start=$EPOCHREALTIME
    result=$(curl -s -o /dev/null --max-time 30 -w '%{http_code} %{time_total}' "$(url "$url" "$n")" || true)
    echo "$start $result" >>"$out"
    sleep 0.1
  done
}
for name in person search health; do
  probe "${targets[$name]}" "$work/$name.log" &
  loop_pids+=($!)
done

sleep 3
t_stop=$(now)
if [ "$FAULT" = stop ]; then
  pg_stop "$work" fast
  t_down=$(now)
  echo "== PostgreSQL stopped (pg_ctl stop -m fast took $(python3 -c "print(f'{$t_down - $t_stop:.2f}')") s); outage of ${OUTAGE} s"
else
  # The postmaster first (no new backends), then every process it started.
  postmaster=$(head -1 "$work/data/postmaster.pid")
  kill -STOP "$postmaster"
  mapfile -t children < <(pgrep -P "$postmaster")
  frozen=("${children[@]}" "$postmaster")
  kill -STOP "${children[@]}"
  t_down=$(now)
  echo "== PostgreSQL frozen (SIGSTOP to the postmaster $postmaster and its ${#children[@]} processes); outage of ${OUTAGE} s"
fi
sleep "$OUTAGE"
t_restart=$(now)
if [ "$FAULT" = stop ]; then
  pg_start "$work" "$pg_port"
  t_up=$(now)
  echo "== PostgreSQL started again on the same port (pg_ctl start -w took $(python3 -c "print(f'{$t_up - $t_restart:.2f}')") s); measuring ${RECOVERY} s"
else
  kill -CONT "${frozen[@]}"
  frozen=()
  t_up=$(now)
  echo "== PostgreSQL thawed (SIGCONT); measuring ${RECOVERY} s"
fi
sleep "$RECOVERY"
for pid in "${loop_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
loop_pids=()
kill -0 "$site_pid" 2>/dev/null || { echo "the site process died"; tail -30 "$work/site.log"; exit 1; }
echo "== the site process is the same (pid $site_pid), never restarted"

rc=0
python3 - "$work" "$t_stop" "$t_down" "$t_restart" "$t_up" "$MAX_FAIL_SECONDS" "$MAX_RECOVERY_SECONDS" <<'PY' || rc=$?
import collections, statistics, sys
work = sys.argv[1]
t_stop, t_down, t_restart, t_up, max_fail, max_recovery = map(float, sys.argv[2:8])
failures = collections.Counter()  # problem -> how many requests
worst = {}                          # problem -> slowest of them
def fail(problem, took=0.0):
    failures[problem] += 1
    worst[problem] = max(worst.get(problem, 0.0), took)
print(f"{'target':<8} {'phase':<22} {'requests':>8}  {'statuses':<28} {'p50 s':>6} {'max s':>6}")
for name in ["person", "search", "health"]:
    rows = []
    with open(f"{work}/{name}.log") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                rows.append((float(parts[0]), parts[1], float(parts[2])))
    phases = collections.OrderedDict([
        ("before (database up)", [r for r in rows if r[0] + r[2] < t_stop]),
        ("failing", [r for r in rows if r[0] + r[2] >= t_stop and r[0] < t_down]),
        ("database down", [r for r in rows if t_down <= r[0] < t_restart]),
        ("recovering", [r for r in rows if t_restart <= r[0] < t_up]),
        ("database back", [r for r in rows if r[0] >= t_up]),
    ])
    for phase, rs in phases.items():
        if not rs:
            continue
        codes = collections.Counter(r[1] for r in rs)
        times = [r[2] for r in rs]
        print(f"{name:<8} {phase:<22} {len(rs):>8}  {', '.join(f'{c}: {n}' for c, n in sorted(codes.items())):<28} "
              f"{statistics.median(times):>6.3f} {max(times):>6.3f}")
    for phase in ["failing", "database down", "recovering"]:
        for start, code, took in phases[phase]:
            if took > max_fail:
                fail(f"{name}: requests {phase} slower than {max_fail:g} s (status {code})", took)
    for start, code, took in phases["database down"]:
        allowed = {"503"} if name == "health" else {"503", "200"}
        if code not in allowed:
            fail(f"{name}: requests with the database down answered {code}, expected 503", took)
    down = phases["database down"]
    if down:
        served = sum(1 for r in down if r[1] == "200")
        if served and name != "health":
            print(f"{name:<8} {'':<22} {served} answered 200 without the database (an in-process cache)")
    # Recovery: the first 200 that ends after PostgreSQL accepts connections again, measured from that moment.
    after = [r for r in rows if r[0] >= t_restart]
    first = next((r for r in after if r[1] == "200" and r[0] + r[2] >= t_up), None)
    if first is None:
        fail(f"{name}: no 200 at all after PostgreSQL was started again")
        continue
    recovery = max(0.0, first[0] + first[2] - t_up)
    later = [r for r in after if r[0] > first[0] and r[1] != "200"]
    print(f"{name:<8} {'recovery':<22} first 200 {recovery:.2f} s after PostgreSQL was back; non-200 after it: {len(later)}")
    if recovery > max_recovery:
        fail(f"{name}: first 200 came {recovery:.2f} s after PostgreSQL was back, more than {max_recovery:g} s")
    for start, code, took in later:
        fail(f"{name}: requests after recovery answered {code}", took)
    for start, code, took in rows:
        if start >= t_up and took > max_fail:
            fail(f"{name}: requests after the restart slower than {max_fail:g} s (status {code})", took)
if failures:
    print(f"FAIL: {len(failures)} problem(s)")
    for problem, n in failures.items():
        print(f"  {problem}: {n} request(s), slowest {worst[problem]:.2f} s")
    sys.exit(1)
print(f"PASS: every request answered within {max_fail:g} s with the database down (503), every target back within {max_recovery:g} s")
PY
if [ "$rc" != 0 ]; then
  echo "== site log, errors (last 15 lines)"
  grep -E '^\[[0-9:]+ (ERR|FTL)\]' "$work/site.log" | cut -c1-300 | tail -15 || true
fi
exit "$rc"
