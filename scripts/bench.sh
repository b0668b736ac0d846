#!/usr/bin/env bash
# The load benchmark of issue #15: scripts/bench.sh [HUISHOUDENS] (default 5000).
# Starts the production-shaped stack on this machine (gunicorn with regie/gunicorn_conf.py,
# PostgreSQL, Redis, a Celery worker), generates the region once (kept in var/bench/N and
# reused on the next run), and runs locust headless twice: every page alone (with the
# floor, a minimal logged-in page, in the same run) and BENCH_GEBRUIKERS users (20) with
# think time for BENCH_DUUR (120s). Writes the table to docs/BENCHMARKS.md. BENCH_DUUR=0
# measures the pages alone only and prints them (to compare one setting with another).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
gebruikers=${BENCH_GEBRUIKERS:-20}
duur=${BENCH_DUUR:-120s}
scripts/bootstrap.sh test >/dev/null
if [ ! -x .venv-bench/bin/locust ]; then
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install -q -r requirements-bench.txt
fi

state=var/bench/$n
mkdir -p "$state"
eval "$(scripts/services.sh start "$state/services")"
cleanup() {
  [ -n "${web:-}" ] && kill "$web" 2>/dev/null || true
  [ -n "${worker:-}" ] && kill "$worker" 2>/dev/null || true
  wait 2>/dev/null || true
  scripts/services.sh stop "$REGIE_SERVICES_DIR" --keep
}
trap cleanup EXIT

export DEBUG=false SECRET_KEY=bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz
export SECURE_COOKIES=false ALLOWED_HOSTS=127.0.0.1 REGIE_MEETOMGEVING=1
export CACHE_URL="${TEST_REDIS_URL%/0}/1" CELERY_BROKER_URL="$TEST_REDIS_URL"
export EMAIL_FILE_PATH="$state/mail" STATIC_ROOT="$state/static" MEDIA_ROOT="$state/media"
export CONN_MAX_AGE=${CONN_MAX_AGE:-60}
owner=$DATABASE_URL
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py db_rechten --rol regie_app >/dev/null
.venv/bin/python manage.py collectstatic --no-input -v0
time .venv/bin/python manage.py regio_genereren --huishoudens "$n" --seed 1
.venv/bin/python manage.py meetdoelen --huishoudens "$n" --seed 1 > "$state/doelen.json"
psql "$owner" -qc "VACUUM ANALYZE" >/dev/null 2>&1
# The nightly computation of the monitoring figures (the pages show its stand), timed.
.venv/bin/python manage.py monitoring_bijwerken | tee "$state/monitoring.txt"

# The application runs as regie_app, as in production.
export DATABASE_URL=$DATABASE_APP_URL
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
GUNICORN_BIND=127.0.0.1:$port .venv/bin/gunicorn -c regie/gunicorn_conf.py regie.wsgi:application \
  >"$state/gunicorn.log" 2>&1 &
web=$!
.venv/bin/celery -A regie worker -c 1 -l warning >"$state/worker.log" 2>&1 &
worker=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/gezondheid/" >/dev/null && break; sleep 0.2; done

run=$state/run-$(date +%Y%m%d-%H%M%S)
mkdir -p "$run"
export BENCH_DOELEN=$state/doelen.json BENCH_PG="$(psql --version)"
BENCH_MODUS=alleen .venv-bench/bin/locust -f scripts/bench/locustfile.py --headless \
  --host "http://127.0.0.1:$port" -u 1 -r 1 --csv "$run/alleen" --only-summary --loglevel WARNING --exit-code-on-error 0
if [ "$duur" = 0 ]; then
  # BENCH_DUUR=0: only the pages alone (to compare a setting, e.g. CONN_MAX_AGE); no report.
  cut -d, -f2,5,6 "$run/alleen_stats.csv" | column -t -s,
  exit 0
fi
# allauth allows 30 sign-ins a minute per address; the load run signs in afresh.
sleep "${BENCH_PAUZE:-60}"
BENCH_MODUS=last .venv-bench/bin/locust -f scripts/bench/locustfile.py --headless \
  --host "http://127.0.0.1:$port" -u "$gebruikers" -r 5 -t "$duur" --csv "$run/last" \
  --only-summary --loglevel WARNING --exit-code-on-error 0
# Where each page's time goes (queries, SQL, Python, size), measured in-process.
ALLOWED_HOSTS=127.0.0.1,testserver ONTLEDING_UIT="$run/ontleding.json" \
  .venv/bin/python manage.py shell < scripts/bench/ontleding.py
.venv/bin/python scripts/bench/rapport.py "$run" "$n" "$gebruikers"
