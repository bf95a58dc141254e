# Two commands on a fresh machine: `make site` and `make test`. Each sets up what it needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed-requirements
NODE_STAMP := node_modules/.installed-lock
DATA ?= data
SITE_DIR ?= site

# One build date per commit: honoured by MkDocs (sitemap) and by our own pipeline.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
export BRIEFING_DATA := $(DATA)

.PHONY: site check serve test test-fast build schema weigh bench lighthouse screenshots chromium clean help

help:
	@echo "make site     build the whole site into $(SITE_DIR)/ (checks the data first)"
	@echo "make test     run every test (unit, golden, integration, browser, workflow lint)"
	@echo "make check    validate the data only"
	@echo "make serve    preview with live reload (also when data/ changes)"
	@echo "make build    write the generated Markdown to build/generated/ for inspection"
	@echo "make weigh    print the gzipped weight of every page of the built site"
	@echo "make bench    run the scale benchmark"
	@echo "DATA=folder   build another briefing's data folder"

$(PY_STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version 2>&1)). Install python3.11, or run make PYTHON=/path/to/python3.11" >&2; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || \
	  { echo "Python's venv module is missing: on Debian, apt-get install python3-venv" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get update -qq && apt-get install -y -qq nodejs npm; \
	  else echo "npm is needed to install plotly.js and the test tools: on Debian, sudo apt-get install nodejs npm" >&2; exit 1; fi; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH
chromium:
	@if [ -x "$(CHROMIUM_PATH)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests"; apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	else echo "The browser tests need Chromium at $(CHROMIUM_PATH): sudo apt-get install chromium (or set CHROMIUM_PATH)" >&2; exit 1; fi

site: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m build_scripts --data $(DATA) site --site-dir $(SITE_DIR)

check: $(PY_STAMP)
	$(BIN)/python -m build_scripts --data $(DATA) check

build: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m build_scripts --data $(DATA) build --out build/generated

schema: $(PY_STAMP)
	$(BIN)/python -m build_scripts schema --out schema/briefing.schema.json

serve: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs serve --livereload

test: $(PY_STAMP) $(NODE_STAMP) chromium
	$(BIN)/python -m pytest

test-fast: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -m "not browser"

weigh: site
	$(BIN)/python -m build_scripts.weigh $(SITE_DIR)

bench: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m build_scripts.bench

LIGHTHOUSE_PORT ?= 8123
lighthouse: $(PY_STAMP) $(NODE_STAMP) chromium
	SITE_URL=http://127.0.0.1:$(LIGHTHOUSE_PORT)/ $(BIN)/python -m build_scripts --data $(DATA) site --site-dir build/lighthouse-site
	$(BIN)/python -m build_scripts.lighthouse build/lighthouse-site $(LIGHTHOUSE_PORT)

# screenshots/: home, timeline and a conflict page in light and dark, and the leverage page's
# relationship view in light, dark and at phone width (leverage-light.png, leverage-dark.png, leverage-phone.png).
screenshots: $(PY_STAMP) $(NODE_STAMP) chromium
	$(BIN)/python -m pytest -q tests/test_browser.py -k screenshots
	mkdir -p .github/screenshots && cp screenshots/home-light.png .github/screenshots/home.png

clean:
	rm -rf $(SITE_DIR) build .cache
