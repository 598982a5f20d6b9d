#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on a loopback port, for the test suite.
#   scripts/throwaway-postgres.sh start   prints the DATABASE_URL to use
#   scripts/throwaway-postgres.sh stop
# Needs Debian's `postgresql` package; runs the server as the postgres user.
set -euo pipefail
PORT="${ACUBACK_PG_PORT:-54329}"
# A cluster per port, so two sessions (or CI and a developer) each keep their own.
STATE="/tmp/acuback-throwaway-pg${ACUBACK_PG_PORT:+-$PORT}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$PGBIN" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ -f "$STATE/data/postmaster.pid" ]; then as_postgres "$PGBIN/pg_ctl" -D "$STATE/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$STATE"
    install -d -m 755 "$STATE"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$STATE"
    as_postgres "$PGBIN/initdb" -D "$STATE/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1 \
      || { cat "$STATE/initdb.log" >&2; exit 1; }
    as_postgres "$PGBIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w \
      -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$STATE/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    [ -d "$STATE/data" ] && as_postgres "$PGBIN/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$STATE"
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
