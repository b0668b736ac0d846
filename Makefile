.PHONY: run test pin lint mutate
run:   ## start Regie with demo data on http://127.0.0.1:8000
	scripts/run.sh
test:  ## lint, migrations check and the whole test suite (PostgreSQL, Redis, Chromium)
	scripts/test.sh
pin:   ## regenerate requirements*.txt from pyproject.toml
	scripts/pin.sh
lint:  ## the guard rails of the test command, without the suite
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/djlint templates */templates --lint && .venv/bin/lint-imports --no-cache --no-logo && .venv/bin/python scripts/import_cycles.py
mutate:  ## mutation testing of the rule modules (docs/TESTING.md); ARGS="--module regiekaart/rules.py"
	@bash -c 'set -euo pipefail; eval "$$(scripts/services.sh start)"; \
	  trap "scripts/services.sh stop \"$$REGIE_SERVICES_DIR\"" EXIT; \
	  export DEBUG=false SECRET_KEY=test-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz; \
	  export SECURE_COOKIES=false CELERY_TASK_ALWAYS_EAGER=true DJANGO_ALLOW_ASYNC_UNSAFE=true; \
	  export STATICFILES_STORAGE=django.contrib.staticfiles.storage.StaticFilesStorage; \
	  export EMAIL_FILE_PATH="$$REGIE_SERVICES_DIR/mail" STATIC_ROOT="$$REGIE_SERVICES_DIR/static"; \
	  mkdir -p "$$STATIC_ROOT"; .venv/bin/python scripts/mutate.py $(ARGS)'
