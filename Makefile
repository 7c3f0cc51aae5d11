# Etika AI: the two commands that matter are `make book` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
AXE := tests/browser/node_modules/axe-core/axe.min.js
UV_VERSION := 0.13.9
LANG_COURSE ?= en
PORT ?= 8000

.PHONY: book test lab serve lint translations pot venv browser system-deps clean help

help:
	@echo "make book  - install (first time) and build the site in English and Indonesian"
	@echo "make test  - run every test (installs Chromium and bubblewrap from Debian when run as root)"
	@echo "make lab   - JupyterLab with the chapter notebooks (LANG_COURSE=id for Indonesian)"
	@echo "make serve - serve the built site to the room (every device on this network) on port $(PORT)"
	@echo "make translations - refresh book/locales/id from the English sources"

# The environment is rebuilt whenever the lock file changes; uv installs exactly what it lists.
$(STAMP): requirements.lock pyproject.toml scripts/jupyterlab/overrides.json
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 (or run make PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(BIN)/uv pip sync --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python --no-deps -e .
	@# Bytecode now: where PYTHONDONTWRITEBYTECODE is set, or in a read-only sandbox, every
	@# import would otherwise compile from source (a warm grader start: 11 s instead of 4 s).
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib etika autograder >/dev/null
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (Etika AI)" >/dev/null
	@# JupyterLab opens the MyST chapter files (.md) as notebooks with a double click.
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp scripts/jupyterlab/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

venv: $(STAMP)

book: $(STAMP)
	$(BIN)/python scripts/build_book.py html

# System packages from Debian: Chromium drives the browser tests (Playwright's own browser
# download is not used) and bubblewrap isolates each submission while it is graded.
system-deps:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/bwrap ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium and bubblewrap for the tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium bubblewrap >/dev/null; \
	else echo "The tests need Debian's chromium and bubblewrap: run 'sudo apt-get install chromium bubblewrap'"; exit 1; fi

browser: system-deps $(AXE)

# axe-core, the accessibility engine the browser tests inject, from the npm registry at the
# version tests/browser/package-lock.json pins (never a CDN).
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null || { echo "The browser tests need npm (Node.js): run 'sudo apt-get install npm'"; exit 1; }
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(STAMP) system-deps $(AXE)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/build_book.py html
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

lab: $(STAMP)
	ETIKA_LANG=$(LANG_COURSE) $(BIN)/jupyter lab --notebook-dir=book

serve:
	@test -f _build/html/index.html || { echo "Build the site first: make book"; exit 1; }
	$(BIN)/python scripts/serve.py --port $(PORT)

# Extract English messages and update the Indonesian catalogues; then translate the new
# entries in book/locales/id/LC_MESSAGES/*.po (tests fail on any untranslated or fuzzy one).
translations: $(STAMP)
	$(BIN)/python scripts/build_book.py gettext
	$(BIN)/sphinx-intl update -p _build/gettext -l id -d book/locales

clean:
	rm -rf _build
