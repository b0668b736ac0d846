.PHONY: run test pin lint
run:   ## start Regie with demo data on http://127.0.0.1:8000
	scripts/run.sh
test:  ## lint, migrations check and the whole test suite (PostgreSQL, Redis, Chromium)
	scripts/test.sh
pin:   ## regenerate requirements*.txt from pyproject.toml
	scripts/pin.sh
lint:  ## the guard rails of the test command, without the suite
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/djlint templates */templates --lint && .venv/bin/lint-imports --no-cache --no-logo && .venv/bin/python scripts/import_cycles.py
