# Portal KIM: the index of commands. `make help` lists them.
# A fresh machine needs only Python 3.11 and the package registries: every target that runs
# Python first builds .venv from requirements-dev.lock (hash-checked), and skips that step
# while the lock file is unchanged.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
LOCK := requirements-dev.lock
STAMP := $(VENV)/.installed-$(LOCK)
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
# auto: run browser tests when Chromium is there (installing it as root), else skip them;
# yes: fail without Chromium; no: skip them.
BROWSER_TESTS ?= auto
# pytest-xdist processes for the main suite (0: run in this process), and extra arguments,
# e.g. `make test-python PYTEST_ARGS=tests/kim`.
PYTEST_WORKERS ?= auto
PYTEST_ARGS ?=
# make restore: a backup file other than the newest in BACKUP_DIR, and e.g. RESTORE_ARGS=--force.
BACKUP ?=
RESTORE_ARGS ?=
# make scan: the site's address when it is not BASE_URL.
SCAN_URL ?=
IGNORED := .venv var node_modules admin_i18n
TEMPLATES = $(shell find . \( -path ./.venv -o -path ./var -o -path ./node_modules -o -path ./.git \) -prune -o -path '*/templates/*' -name '*.html' -print | sort)

.PHONY: help install run serve worker demo migrate test test-python test-browser \
	browser-tests-auto chromium lint format check messages deploy-check docker-lint ci clean \
	generate-data bench lighthouse backup restore scan

help: ## Show this list of commands
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): $(LOCK)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	@touch $@

install: $(STAMP) ## Create .venv with python3.11 and install the locked dependencies
	@mkdir -p var

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --noinput

demo: migrate ## Load the demo districts, groups, posts and accounts (idempotent)
	$(PY) manage.py load_demo

run: demo ## Set up, load demo data, serve http://127.0.0.1:8000 with a task worker
	@$(MAKE) serve

serve: install ## Run the development server and the task worker (Ctrl-C stops both)
	@echo "Portal: http://$(HOST):$(PORT)/   admin: http://$(HOST):$(PORT)/admin/   (Ctrl-C stops)"
	@$(PY) manage.py run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null || true; wait $$worker 2>/dev/null || true' EXIT; \
	trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: install ## Run the task worker alone (with scheduled publishing and periodic jobs)
	$(PY) manage.py run_worker

backup: install ## Back up the database and media into BACKUP_DIR (keeps BACKUP_KEEP)
	$(PY) manage.py backup

restore: install ## Restore the newest backup (BACKUP=path for another) into an empty database
	$(PY) manage.py restore $(BACKUP) $(RESTORE_ARGS)

scan: install ## Scan the public site for foreign and hidden links (BASE_URL, or SCAN_URL=...)
	$(PY) manage.py scan_public_pages $(if $(SCAN_URL),--base-url $(SCAN_URL))

test: lint check test-python browser-tests-auto ## Run everything: lint, checks, pytest (+ browser tests)
	@echo "make test: all steps passed"

test-python: install ## Run pytest (SQLite, or PostgreSQL when DATABASE_URL points there)
	@echo "pytest on $${DATABASE_URL:-SQLite (var/)}"
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS) || { rc=$$?; \
		if [ $$rc = 5 ]; then echo "pytest collected no tests: failing on purpose" >&2; fi; \
		exit $$rc; }

test-browser: install chromium ## Run the browser tests in headless Chromium (Playwright)
	$(BIN)/pytest -m browser $(PYTEST_ARGS) || { rc=$$?; \
		if [ $$rc = 5 ]; then echo "No browser tests were collected: failing on purpose" >&2; fi; \
		exit $$rc; }

browser-tests-auto:
	@case "$(BROWSER_TESTS)" in \
	no) echo "Browser tests skipped (BROWSER_TESTS=no)." ;; \
	yes) $(MAKE) test-browser ;; \
	*) if [ -x $(CHROMIUM) ] || [ "$$(id -u)" = 0 ]; then $(MAKE) test-browser; \
	   else echo "SKIPPED browser tests: $(CHROMIUM) is missing and installing it needs root" \
	        "(apt-get install -y chromium), then run: make test-browser"; fi ;; \
	esac

chromium: ## Install Debian's chromium for the browser tests when missing (as root)
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "$(CHROMIUM) is missing: as root run apt-get install -y chromium" >&2; exit 1; fi; \
		echo "Installing Debian's chromium package..."; \
		apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi
	@$(CHROMIUM) --version

lint: install ## Check formatting and lint (ruff format, ruff check, djhtml)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/djhtml --check $(TEMPLATES)

format: install ## Format Python (ruff) and templates (djhtml) in place
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml $(TEMPLATES)

check: install ## Run Django's system checks and fail on missing migrations
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run

messages: install ## Update our Indonesian catalogue (locale/id) and compile it
	@command -v xgettext >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq gettext; \
		else echo "GNU gettext is missing: apt-get install -y gettext" >&2; exit 1; fi; }
	@mkdir -p locale
	$(PY) manage.py makemessages -l id --no-obsolete $(addprefix --ignore=,$(IGNORED) tests)
	$(PY) manage.py compilemessages -l id $(addprefix --ignore=,$(IGNORED))

deploy-check: install ## Run `check --deploy` under production settings (fails on any issue)
	@SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-portal.example.org}" \
	BASE_URL="$${BASE_URL:-https://portal.example.org}" \
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	$(PY) manage.py check --deploy --fail-level WARNING

docker-lint: install ## Lint the Dockerfile with hadolint
	$(BIN)/hadolint Dockerfile

# Benchmark data: POSTS posts, with GROUPS groups and MEMBERS members in proportion.
POSTS ?= 1000
GROUPS ?= $(shell echo $$(( $(POSTS) / 50 > 0 ? $(POSTS) / 50 : 1 )))
MEMBERS ?= $(shell echo $$(( $(GROUPS) * 10 )))
BENCH_ARGS ?=

generate-data: migrate ## Fill a fresh (throw-away) database with benchmark data (POSTS=1000)
	$(PY) manage.py generate_data --groups $(GROUPS) --members $(MEMBERS) --posts $(POSTS)

bench: install ## Benchmark pages under gunicorn on a throw-away PostgreSQL database (POSTS=1000)
	$(PY) bench/run.py --posts $(POSTS) --groups $(GROUPS) --members $(MEMBERS) $(BENCH_ARGS)

ci: ## Run the CI script (.ci/run) here
	CI=true bash .ci/run

clean: ## Remove .venv, collected static files and test media (keeps the database)
	rm -rf $(VENV) var/static var/test-media

# Lighthouse runs per page (the median counts) and extra arguments, e.g.
# `make lighthouse LIGHTHOUSE_ARGS="--page post=/kelompok/x/y/"`.
LIGHTHOUSE_RUNS ?= 3
LIGHTHOUSE_ARGS ?=

lighthouse: install ## Score public pages with Lighthouse (mobile, demo data, production settings)
	CHROME_PATH=$(CHROMIUM) $(PY) bench/lighthouse.py --serve --runs $(LIGHTHOUSE_RUNS) $(LIGHTHOUSE_ARGS)
