#!/usr/bin/env bash
# The test command: lint (ruff, djlint), import checks, migrations check and the whole pytest
# suite against real PostgreSQL 15, Redis and Debian's Chromium, all started here and
# stopped afterwards. Extra arguments go to pytest (e.g. scripts/test.sh regie/tests/test_audit.py -x).
# Only a whole-suite run (no arguments, or options only such as -q or -x) measures coverage
# and checks the floor per app; a run of some tests would miss the floors anyway.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test
eval "$(scripts/services.sh start)"
trap 'scripts/services.sh stop "$REGIE_SERVICES_DIR"' EXIT
export DEBUG=false SECRET_KEY=test-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz
export SECURE_COOKIES=false CELERY_TASK_ALWAYS_EAGER=true DJANGO_ALLOW_ASYNC_UNSAFE=true
export STATICFILES_STORAGE=django.contrib.staticfiles.storage.StaticFilesStorage
export EMAIL_FILE_PATH="$REGIE_SERVICES_DIR/mail" STATIC_ROOT="$REGIE_SERVICES_DIR/static"
mkdir -p "$STATIC_ROOT"

echo "== ruff"; .venv/bin/ruff check .; .venv/bin/ruff format --check .
echo "== djlint"; .venv/bin/djlint templates */templates --lint
echo "== import direction"; .venv/bin/lint-imports --no-cache --no-logo
echo "== import circles"; .venv/bin/python scripts/import_cycles.py
echo "== makemigrations --check"; .venv/bin/python manage.py makemigrations --check --dry-run
echo "== docker-compose config"; env SECRET_KEY=dummy POSTGRES_PASSWORD=dummy REGIE_DB_OWNER_PASSWORD=dummy REGIE_DB_APP_PASSWORD=dummy docker-compose config -q

# Coverage slows pytest down by about two thirds here (CTracer on Python 3.11);
# REGIE_COVERAGE=0 skips it on a local whole-suite run.
measure=true
for arg in "$@"; do [[ $arg == -* ]] || measure=false; done
[ "${REGIE_COVERAGE:-1}" = 0 ] && measure=false
if $measure; then
  export COVERAGE_FILE="${COVERAGE_FILE:-$REGIE_SERVICES_DIR/coverage}"  # set it to keep the data
  echo "== pytest (with coverage)"; .venv/bin/python -m pytest --cov --cov-report= "$@"
  echo "== coverage floors per app"; .venv/bin/python scripts/coverage_floors.py
else
  echo "== pytest"; .venv/bin/python -m pytest "$@"
fi
