#!/usr/bin/env bash
# The whole test suite from a fresh clone: builds, runs every test project against throwaway PostgreSQL
# servers that the tests start themselves, checks the extraction engine's quality floors on the shared
# corpus when it is present, and ends with the line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log="$root/.test.log"
started=$(mktemp /tmp/newsclaims-test-start.XXXXXX)

stop_leftover_servers() {
  # Test processes stop their servers; this only catches servers orphaned by a crashed or killed test host.
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  for dir in /tmp/newsclaims-pg.*; do
    [ -d "$dir" ] && [ "$dir" -nt "$started" ] || continue
    if [ -f "$dir/data/postmaster.pid" ]; then
      if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1
      else
        "$pgbin/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1
      fi
    fi
    rm -rf "$dir"
  done
  rm -f "$started"
}
trap stop_leftover_servers EXIT

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)."; exit 1; }
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null \
   && [ -z "${NEWSCLAIMS_TEST_CONNECTION:-}" ]; then
  echo "PostgreSQL server binaries not found: install PostgreSQL 15+ (apt-get install postgresql) or set NEWSCLAIMS_TEST_CONNECTION."
  exit 1
fi

# Browser tests drive Debian's Chromium and inject axe-core from npm; install what is missing when we may
# (root), otherwise say how.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null 2>&1 \
      || echo "Could not install ${missing[*]}; browser tests will fail."
  else
    echo "Missing for the browser tests: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}"
  fi
fi

dotnet tool restore >/dev/null
if ! dotnet build NewsClaims.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test NewsClaims.sln -c Release --no-build 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
read -r passed failed skipped < <(awk '/^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+/{gsub(",","");f+=$4;p+=$6;s+=$8} END{print p+0, f+0, s+0}' "$log")

# Quality floors of the extraction engine (tests/extraction-floors.txt, set just under the figures reached),
# on the shared corpus beside the clone; when it is absent the floors are reported as not checked.
corpus="$root/../shared/corpus"
if [ -d "$corpus" ]; then
  eval_cli() { dotnet "src/NewsClaims.Cli/bin/Release/net10.0/newsclaims.dll" eval "$@"; }
  while read -r name gold floors; do
    [ -n "$name" ] || continue
    echo "== extraction floors: $name"
    # shellcheck disable=SC2086
    if eval_cli --gold "$gold" $floors; then passed=$((passed + 1)); else failed=$((failed + 1)); rc=1; fi
  done < tests/extraction-floors.txt
else
  echo "Shared corpus not found at $corpus: extraction quality floors not checked."
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
