#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster and Redis server in a temporary directory and
# prints the environment to use them (source-able). Stop them with `scripts/services.sh stop DIR`.
#   eval "$(scripts/services.sh start)"
# Two database roles, as in production (issue #11): `regie` owns the database and runs the
# migrations (DATABASE_URL; not superuser, but CREATEDB so pytest-django can create the test
# database), `regie_app` is the application's role that owns nothing and gets its grants from
# `manage.py db_rechten` (DATABASE_APP_URL). The cluster's superuser is `postgres`.
# `start DIR` keeps the cluster in DIR and reuses it on the next start (the benchmark's
# generated region, scripts/bench.sh); `stop DIR --keep` stops it without removing it.
set -euo pipefail

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_bin() {
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir
  else ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; fi
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start() {
  local dir=${1:-} pgport redisport bin fresh=true
  if [ -n "$dir" ]; then mkdir -p "$dir"; dir=$(cd "$dir" && pwd); else dir=$(mktemp -d /tmp/regie-services.XXXXXX); fi
  [ -d "$dir/pg/data" ] && fresh=false
  chmod 755 "$dir"
  bin=$(pg_bin)
  pgport=$(free_port)
  mkdir -p "$dir/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pg"
  # initdb refuses to run as root: the cluster belongs to the postgres user (ENVIRONMENT.md).
  if $fresh; then
    as_pg "$bin/initdb" -D "$dir/pg/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  as_pg "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w \
    -o "-p $pgport -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${REGIE_PG_OPTIONS:-}" \
    start >/dev/null
  $fresh && "$bin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE ROLE regie LOGIN NOSUPERUSER CREATEDB NOCREATEROLE;
CREATE ROLE regie_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE regie OWNER regie;
SQL
  redisport=$(free_port)
  redis-server --port "$redisport" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log"
  for _ in $(seq 50); do redis-cli -p "$redisport" ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "export REGIE_SERVICES_DIR=$dir"
  echo "export DATABASE_URL=postgres://regie@127.0.0.1:$pgport/regie"
  echo "export DATABASE_APP_URL=postgres://regie_app@127.0.0.1:$pgport/regie"
  echo "export TEST_REDIS_URL=redis://127.0.0.1:$redisport/0"
}

stop() {
  local dir=$1 keep=${2:-}
  [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
  if [ "$keep" = --keep ]; then
    [ -d "$dir/pg/data" ] && as_pg "$(pg_bin)/pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null 2>&1 || true
    return
  fi
  [ -d "$dir/pg/data" ] && as_pg "$(pg_bin)/pg_ctl" -D "$dir/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:?usage: services.sh stop DIR [--keep]}" "${3:-}" ;;
  *) echo "usage: services.sh start [DIR] | stop DIR [--keep]" >&2; exit 2 ;;
esac
