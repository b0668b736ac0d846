.PHONY: run test pin lint
run:   ## start Regie with demo data on http://127.0.0.1:8000
	scripts/run.sh
test:  ## lint, migrations check and the whole test suite (PostgreSQL, Redis, Chromium)
	scripts/test.sh
pin:   ## regenerate requirements*.txt from pyproject.toml
	scripts/pin.sh
lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
