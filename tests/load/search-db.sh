#!/usr/bin/env bash
# A private, throwaway PostgreSQL for the search benchmark (never the system cluster): start | stop | env [database].
# Data lives in $NEWSCLAIMS_BENCH_DIR (default /tmp/newsclaims-bench-pg); the port is kept in $DIR/port.
set -euo pipefail
DIR=${NEWSCLAIMS_BENCH_DIR:-/tmp/newsclaims-bench-pg}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

case "${1:-}" in
  start)
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      mkdir -p "$DIR" && chmod 755 "$DIR"
      if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
      as_pg "$PGBIN/initdb" -D "$DIR/data" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if [ -f "$DIR/data/postmaster.pid" ] && [ -f "$DIR/port" ]; then
      echo "PostgreSQL already running on 127.0.0.1:$(cat "$DIR/port")"
      exit 0
    fi
    port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
    # Throwaway benchmark server: durability off, memory sized for a 1M-statement knowledge base.
    as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c work_mem=32MB \
      -c maintenance_work_mem=1GB -c max_wal_size=4GB -c effective_cache_size=4GB -c jit=off" start >/dev/null
    echo "$port" > "$DIR/port"
    echo "PostgreSQL on 127.0.0.1:$port ($DIR)"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null && rm -f "$DIR/port" && echo "stopped"
    ;;
  env)
    echo "Host=127.0.0.1;Port=$(cat "$DIR/port");Username=app;Database=${2:-newsclaims_bench};Maximum Pool Size=32"
    ;;
  *)
    echo "usage: $0 start|stop|env [database]" >&2
    exit 2
    ;;
esac
