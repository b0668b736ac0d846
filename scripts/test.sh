#!/usr/bin/env bash
# The test command: lint, migrations check and the whole pytest suite against real
# PostgreSQL 15, Redis and Debian's Chromium, all started here and stopped afterwards.
# Extra arguments go to pytest (e.g. scripts/test.sh tests/test_audit.py -x).
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

echo "== ruff"; .venv/bin/ruff check .
echo "== makemigrations --check"; .venv/bin/python manage.py makemigrations --check --dry-run
echo "== pytest"; .venv/bin/python -m pytest "$@"
