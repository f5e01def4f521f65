# Everything a person runs. `make run` and `make test` are all a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: setup run serve check-deploy backup restore load bench test eval-extraction lint format superuser countries clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps make a second `make setup` install nothing unless the requirements changed.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

## setup: install, migrate, and load the countries and the seed article (never overwrites edits)
setup: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seed

## run: set up, then serve on http://$(HOST):$(PORT)
run: setup
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## serve: production settings under gunicorn on $(HOST):$(PORT); needs DJANGO_SECRET_KEY
## (DJANGO_SECURE_SSL_REDIRECT=false for a plain-HTTP trial on loopback). Rate limits are
## counted in Redis unless DJANGO_CACHE_URL says otherwise. Logs (access, errors with their
## tracebacks and request ids) go to stderr; put a buffering proxy in front (deploy/).
WORKERS ?= 3
serve: export DJANGO_DEBUG = false
serve: export DJANGO_CACHE_URL ?= redis://127.0.0.1:6379/1
serve: setup
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/gunicorn config.wsgi --config config/gunicorn.py --bind $(HOST):$(PORT) \
		--workers $(WORKERS)

## check-deploy: Django's deployment checks under production settings, warnings fail
check-deploy: $(VENV)/.installed
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c \
		'import secrets; print(secrets.token_urlsafe(50))')} \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

## backup: write a backup to backups/ (pg_dump on PostgreSQL, a file copy on SQLite;
## FORMAT=json for a portable dump) and print its path
backup: $(VENV)/.installed
	$(BIN)/python manage.py backup_data --format $(or $(FORMAT),native)

## restore FILE=backups/...: replace the database's contents with a backup
restore: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "Give the backup: make restore FILE=backups/..."; exit 2; }
	$(BIN)/python manage.py restore_data "$(FILE)"

$(VENV)/.installed-bench: bench/requirements.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r bench/requirements.txt
	touch $@

## load: CLIENTS (100) concurrent clients for DURATION (60) seconds against make serve
CLIENTS ?= 100
DURATION ?= 60
load: setup $(VENV)/.installed-bench
	$(BIN)/python bench/load.py --serve --clients $(CLIENTS) --duration $(DURATION) \
		--output bench/load-results.json

## bench: BENCH_EVENTS (1,000,000) events into SQLite and PostgreSQL (DATABASE_URL_BENCH,
## default the local server), timed against raw SQL and Datasette; writes bench/results.json
BENCH_EVENTS ?= 1000000
bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py --events $(BENCH_EVENTS)

## test: lint and run the whole suite on every core (SQLite unless DATABASE_URL is set)
TEST_WORKERS ?= auto
test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run > /dev/null
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not alone" $(PYTEST_ARGS)
	@# Then the tests that stop shared services, by themselves (5: none chosen by PYTEST_ARGS).
	$(BIN)/pytest -m alone tests/reliability $(PYTEST_ARGS) || test $$? -eq 5

## eval-extraction: the extractor's scores on its evaluation sets (tests/extraction/evaluation_set.py)
eval-extraction: $(VENV)/.installed-dev
	$(BIN)/pytest -q -s -p no:cacheprovider tests/extraction/test_evaluation.py

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## superuser: create a first admin account
superuser: setup
	$(BIN)/python manage.py createsuperuser

## countries: regenerate fixtures/countries.json from pycountry and events/country_names.py
countries: $(VENV)/.installed
	$(BIN)/python manage.py build_country_fixture

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache
