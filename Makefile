# Two commands for a fresh machine: `make run` and `make test`.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PORT ?= 8000
TEST_WORKERS ?= 2  # pytest-xdist processes (each with its own test database)
# uv from PATH, else the one pip installed for python3 (`make uv` installs it when missing).
UV = $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
PY = $(UV) run --frozen python
MANAGE = $(PY) manage.py

.PHONY: help uv install migrate demo run test test-fast lint format messages check-messages clean smoke bench-short

help:
	@echo "make run       install, migrate, load the demo and serve http://127.0.0.1:$(PORT)"
	@echo "make test      the whole test suite (browser tests need /usr/bin/chromium)"
	@echo "make lint      ruff check + format check + migrations check"
	@echo "make format    ruff format + fix"
	@echo "make messages  update the fr/nl/en catalogues and compile them"
	@echo "make demo      reload the demo content"
	@echo "make smoke     deployment smoke test: gunicorn + production settings on PostgreSQL/Redis"
	@echo "make bench-short  every benchmark in its short mode, on SQLite"

uv:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv

install: uv
	$(UV) sync --frozen

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

run: demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install
	$(UV) run --frozen pytest -p no:cacheprovider --create-db -n $(TEST_WORKERS) --dist loadfile

lint: install
	$(UV) run --frozen ruff check . .ci/smoke
	$(UV) run --frozen ruff format --check . .ci/smoke
	DJANGO_SETTINGS_MODULE=maison.settings.test $(MANAGE) makemigrations --check --dry-run

format: install
	$(UV) run --frozen ruff check --fix . .ci/smoke
	$(UV) run --frozen ruff format . .ci/smoke

messages: install
	for lang in nl en fr; do \
		$(MANAGE) makemessages --locale $$lang --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'benchmarks/*' --no-obsolete --add-location file; \
	done
	$(PY) .ci/check_translations.py --fill-english
	$(MANAGE) compilemessages --ignore '.venv/*'

check-messages: install
	$(PY) .ci/check_translations.py

# Needs PostgreSQL and Redis on loopback (see .ci/smoke for the variables).
smoke: install
	$(PY) .ci/smoke

# Each benchmark's --short run on a throw-away SQLite database (DATABASE_URL ignored);
# throughput_bench.py uses PostgreSQL database "bench" and Redis DB 7 when they answer.
# The SQLite ones start from copies of one migrated file (BENCH_SQLITE_TEMPLATE).
# BENCHMARKS picks some: `make bench-short BENCHMARKS="events pages"`.
BENCHMARKS ?= $(patsubst benchmarks/%_bench.py,%,$(wildcard benchmarks/*_bench.py))
bench-short: install
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	if [ -n "$(filter-out throughput,$(BENCHMARKS))" ]; then \
		env -u DATABASE_URL DATABASE_URL=sqlite:///$$tmp/template.sqlite3 \
			DJANGO_SETTINGS_MODULE=maison.settings.test $(MANAGE) migrate --noinput -v0; \
	fi; \
	for script in $(patsubst %,benchmarks/%_bench.py,$(BENCHMARKS)); do \
		echo "=== $$script --short"; \
		env -u DATABASE_URL BENCH_SQLITE_TEMPLATE=$$tmp/template.sqlite3 $(PY) $$script --short; \
	done

clean:
	rm -rf var .pytest_cache .ruff_cache
