# QuoteDB: `make run` starts the service with demo data, `make test` runs the test suite.
# Both create .venv on first use (Python 3.12 or newer) and install requirements.txt into it.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# The first Python >= 3.12 found: on PATH, then in pyenv's versions folder.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)

.PHONY: run test lint format migrations-check fuzz install serve worker bench clean

$(VENV)/.installed: requirements.txt
	@if [ -z "$(PYTHON)" ]; then echo "QuoteDB needs Python 3.12 or newer; none was found." >&2; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

# The attribution engine compiled with mypyc (articles/attribution/native.py), rebuilt when its
# sources change. Without a C compiler the engine runs interpreted, with the same results.
$(VENV)/.engine-compiled: $(VENV)/.installed $(wildcard articles/attribution/*.py)
	$(PY) -m articles.attribution compile --optional
	@touch $@

install: $(VENV)/.installed $(VENV)/.engine-compiled

run: install
	DEBUG=$${DEBUG:-1} $(PY) manage.py migrate --no-input -v0
	DEBUG=$${DEBUG:-1} $(PY) manage.py load_demo
	DEBUG=$${DEBUG:-1} $(PY) manage.py ensure_admin
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

fuzz: install
	bash .ci/fuzz

# Production-style serving: gunicorn with the psycopg pool and whitenoise static files.
serve: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py collectstatic --no-input -v0
	DATABASE_POOL=$${DATABASE_POOL:-1} $(VENV)/bin/gunicorn -c quotedb/gunicorn.conf.py quotedb.wsgi

# Background ingestion, extraction and imports (Django tasks on the database backend).
worker: install
	$(PY) manage.py db_worker --queue-name '*'

# Side-by-side benchmarks at 1M quotes; needs DATABASE_URL naming a PostgreSQL database.
bench: install
	$(PY) -m benchmarks.generate --quotes $${QUOTES:-1000000}
	$(PY) -m benchmarks.run

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
	rm -f articles/attribution/*.so articles/attribution/*.pyd articles/attribution/native.stamp
