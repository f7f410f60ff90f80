# shellcheck shell=bash
# Helpers shared by the operations scripts (public-load.sh, faults.sh, kill-import.sh, backup-roundtrip.sh).
# Source it from the repository root; it starts nothing by itself.
#
#   pg_new DIR / pg_start DIR PORT / pg_stop DIR / pg_up DIR   a throwaway PostgreSQL cluster in DIR/data (superuser
#                                                             "app", trust auth, 127.0.0.1 only, durability off)
#   pg_sql PORT DB ARGS...                                     psql, quiet, stopping on the first error
#   pg_cs PORT DB                                              the Npgsql connection string
#   build_release                                              builds the site and the CLI once (Release); sets
#                                                             SITE_DLL and CLI_DLL (NEWSCLAIMS_SITE_DLL/CLI_DLL skip it)
#   free_port, wait_http URL SECONDS, rss_kb PID, now          small things

# shellcheck disable=SC2012  # one folder per PostgreSQL major version, as search-db.sh finds them
PGBIN=${NEWSCLAIMS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$PGBIN" ] && command -v pg_config >/dev/null; then PGBIN=$(pg_config --bindir); fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/pg_ctl" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql, or set NEWSCLAIMS_PG_BIN)" >&2
  exit 1
fi

# PostgreSQL refuses to run as root: as root every server command runs as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# Seconds since the epoch with microseconds (bash 5).
now() { echo "$EPOCHREALTIME"; }

# A folder the postgres user can traverse, with a short path for the socket.
ops_tempdir() {
  local dir
  dir=$(mktemp -d "/tmp/newsclaims-ops.XXXXXX")
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  echo "$dir"
}

pg_new() {
  as_pg "$PGBIN/initdb" -D "$1/data" -U app --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
}

# Throwaway servers only: fsync and friends off (never for data someone keeps).
pg_start() {
  local dir=$1 port=$2
  as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $port -k $dir \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=128MB -c jit=off" \
    start >/dev/null
}

pg_stop() {
  if [ -f "$1/data/postmaster.pid" ]; then as_pg "$PGBIN/pg_ctl" -D "$1/data" -m "${2:-fast}" -w -t 60 stop >/dev/null; fi
}

pg_up() { as_pg "$PGBIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

pg_sql() {
  local port=$1 db=$2
  shift 2
  "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U app -d "$db" -X -q -v ON_ERROR_STOP=1 "$@"
}

pg_cs() { echo "Host=127.0.0.1;Port=$1;Username=app;Database=$2"; }

build_release() {
  SITE_DLL=${NEWSCLAIMS_SITE_DLL:-}
  CLI_DLL=${NEWSCLAIMS_CLI_DLL:-}
  if [ -z "$SITE_DLL" ]; then
    dotnet build src/NewsClaims.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
    SITE_DLL=src/NewsClaims.Web/bin/Release/net10.0/NewsClaims.Web.dll
  fi
  if [ -z "$CLI_DLL" ]; then
    dotnet build src/NewsClaims.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
    CLI_DLL=src/NewsClaims.Cli/bin/Release/net10.0/newsclaims.dll
  fi
}

# Waits until URL answers 200; returns non-zero after SECONDS.
wait_http() {
  local url=$1 seconds=${2:-60} i
  for ((i = 0; i < seconds * 4; i++)); do
    curl -sf -o /dev/null --max-time 2 "$url" && return 0
    sleep 0.25
  done
  return 1
}

# Resident set size of a process in kB (VmRSS of /proc/PID/status).
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# "table rows" for every table of the public schema, one line each, sorted by name.
table_counts() {
  pg_sql "$1" "$2" -tA -F ' ' <<'SQL'
SELECT format('SELECT %L, count(*) FROM public.%I', table_name, table_name)
FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
\gexec
SQL
}

# "table rows md5" for every table of the public schema: the md5 of all its rows as text, in text order.
table_fingerprints() {
  pg_sql "$1" "$2" -tA -F ' ' <<'SQL'
SELECT format('SELECT %L, count(*), md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) FROM public.%I t', table_name, table_name)
FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
\gexec
SQL
}

# start_site LOG URL [NAME=VALUE...]: the built site in Production on URL, request logging at Warning (the console
# must not be the bottleneck), its folder as content root so its appsettings.json (logging) is read; sets SITE_PID.
start_site() {
  local log=$1 url=$2
  shift 2
  env ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning "$@" \
    dotnet "$SITE_DLL" --contentRoot "$(cd "$(dirname "$SITE_DLL")" && pwd)" --urls "$url" >"$log" 2>&1 &
  # shellcheck disable=SC2034  # read by the caller
  SITE_PID=$!
}
