# Run `make help` for the list of targets.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The address links in e-mails and QR codes name: the one `make run` serves at.
SITE_URL := http://$(HOST):$(PORT)

.DEFAULT_GOAL := help
.PHONY: help run demo migrate test pytest check lint format messages clean opensearch opensearch-stop bench stack stack-stop

help: ## Show this help
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.base: requirements/base.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet --no-deps -r requirements/base.txt
	@touch $@

$(VENV)/.test: $(VENV)/.base requirements/test.txt
	$(PIP) install --quiet --no-deps -r requirements/test.txt
	@touch $@

migrate: $(VENV)/.base ## Apply database migrations (SQLite file by default)
	SITE_URL=$(SITE_URL) $(MANAGE) migrate --no-input -v0

demo: migrate ## Load the demo marketplace (idempotent)
	SITE_URL=$(SITE_URL) $(MANAGE) load_demo_data --logins
	$(MANAGE) product_thumbnails -v0

run: demo ## Install, migrate, load demo data and serve on http://127.0.0.1:8000
	SITE_URL=$(SITE_URL) $(MANAGE) runserver $(HOST):$(PORT)

check: $(VENV)/.test ## Lint, format check, import layers, Django checks, migrations check, deploy check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production \
	  DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	  DATABASE_URL=sqlite:///var/deploy-check.sqlite3 DJANGO_ALLOWED_HOSTS=example.vn \
	  $(MANAGE) check --deploy --fail-level WARNING

pytest: $(VENV)/.test ## Run only the test suite (pass ARGS="-k name" to filter); starts OpenSearch when java and mvn exist
	@mkdir -p var
	scripts/opensearch/with-node.sh $(VENV)/bin/pytest $(ARGS)

test: check pytest ## Install test tools, run every check and the whole test suite

lint: check ## Same as check

format: $(VENV)/.test ## Format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.base ## Refresh locale/*.po and compile them (needs GNU gettext)
	$(MANAGE) makemessages -l vi -l en --no-obsolete --ignore '.venv/*' --ignore 'var/*' --ignore 'media/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore 'node_modules/*' --ignore '.bench/*'
	$(MANAGE) compilemessages --ignore '.venv/*'

opensearch: ## Start a local OpenSearch node (from Maven Central) and print its URL
	scripts/opensearch/start.sh start

opensearch-stop: ## Stop the local OpenSearch node
	scripts/opensearch/start.sh stop

bench: $(VENV)/.base ## Measure the shop against stock Oscar and a bare Django page (BENCH_PRODUCTS=10000, BENCH_STACK=proxy)
	$(PY) -m bench.run

stack: $(VENV)/.base ## Start nginx, two gunicorns and Redis on 127.0.0.1 as in production (var/stack), print their URLs
	scripts/stack/start.sh start

stack-stop: ## Stop the stack `make stack` started
	scripts/stack/start.sh stop

clean: ## Remove the local database, media and caches
	rm -rf db.sqlite3 media staticfiles var .pytest_cache .ruff_cache
