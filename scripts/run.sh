#!/usr/bin/env bash
# The run command: Regie with demo data on SQLite, tasks in-process, mail to var/mail.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh run
# The demo runs without DEBUG (REGIE_DEMO switches it off, see regie/settings/env.py): an
# unknown page or someone else's traject shows Regie's Dutch error page, not Django's debug
# page listing every URL (issue #12). WhiteNoise serves the static files.
export REGIE_DEMO=true
mkdir -p var
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py demo_data
.venv/bin/python manage.py demo_huishoudens
.venv/bin/python manage.py demo_plannen
.venv/bin/python manage.py demo_regiekaart
echo
echo "Regie draait op http://127.0.0.1:8000 (stoppen met Ctrl+C). E-mail staat in var/mail/."
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
