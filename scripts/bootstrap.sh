#!/usr/bin/env bash
# Makes sure the system packages Regie needs are present, then the virtual environment.
#   scripts/bootstrap.sh run   -> what the run command needs
#   scripts/bootstrap.sh test  -> plus PostgreSQL 15, Redis and Chromium for the test suite
# Missing packages are installed with apt-get when running as root; otherwise this stops
# and prints the exact command to run.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}

missing=()
need() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing+=("$1"); }

python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
command -v python3 >/dev/null || missing+=(python3)
# WeasyPrint (plan PDFs) needs pango and fonts.
need libpango-1.0-0; need libpangoft2-1.0-0; need libharfbuzz-subset0; need fonts-dejavu-core
if [ "$mode" = test ]; then
  command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql-15)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v git >/dev/null || missing+=(git)
  # Validates docker-compose.yml without a container engine (scripts/test.sh).
  command -v docker-compose >/dev/null || missing+=(docker-compose)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "bootstrap: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: missing system packages. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# The virtual environment, reinstalled only when the pinned requirements change.
req=requirements.txt
[ "$mode" = test ] && req=requirements-dev.txt
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=.venv/.installed-$(cat requirements.txt "$req" | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -r "$req"
  rm -f .venv/.installed-*; touch "$stamp"
fi
