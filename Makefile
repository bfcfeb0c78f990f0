# hoptac: every task a developer or CI runs. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
PORT ?= 8000
# Development tasks run with DEBUG on (the settings keep it off unless it is explicitly on).
export DEBUG ?= 1

.PHONY: install setup run test test-fast lint bench bench-load score ci screenshots messages clean

# The runtime only (requirements.lock): what `make run` and a production install take.
install: $(STAMP)

# A developer's venv: the runtime plus the tools of requirements-dev.lock (pytest, Playwright,
# ruff, mypy, import-linter).
setup: $(DEV_STAMP)

# Reinstall only when a lock file or the project metadata changed.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.lock
	$(PIP) --no-deps -e .
	@touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(PIP) -r requirements.lock -r requirements-dev.lock
	@touch $(DEV_STAMP)

run: install
	$(BIN)/hoptac demo --port $(PORT)

# The whole suite on SQLite; browser tests run too when Chromium is installed (make ci installs it).
test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check hoptac tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy hoptac

bench: install
	$(BIN)/python -m bench

# 20 concurrent API writers for 30 s against a server it starts on 127.0.0.1 (a throwaway
# SQLite database, or the PostgreSQL of DATABASE_URL); prints the failed writes (target 0).
bench-load: install
	$(BIN)/python -m bench.load_writes

score: install
	@rm -rf var/score && mkdir -p var/score
	$(BIN)/hoptac extract corpus/dev/*.txt --out var/score
	$(BIN)/python corpus/score.py corpus/dev/gold var/score -v
	@mkdir -p var/score/official
	$(BIN)/hoptac extract corpus/dev-official/*.txt --out var/score/official
	$(BIN)/python corpus/score.py corpus/dev-official/gold var/score/official -v

screenshots: setup
	$(BIN)/python -m tests.screenshots

# Vietnamese is the source language: its catalogue holds only the admin strings Django's own
# Vietnamese leaves in English, kept by hand (makemessages --no-obsolete would drop them).
messages: setup
	cd hoptac && ../$(BIN)/hoptac makemessages -l en --no-obsolete && ../$(BIN)/hoptac compilemessages

ci:
	bash .ci/ci.sh

clean:
	rm -rf $(VENV) var/score
