# Two commands on a fresh machine: `make site` and `make test`. Each sets up what it needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed-requirements
NODE_STAMP := node_modules/.installed-lock
PD_VENV := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed-requirements
DATA ?= data
# STRICT=1 (or set in CI's environment): unacknowledged data warnings fail `make check` and `make site`.
STRICT ?=
STRICT_FLAG := $(if $(filter-out 0 no false,$(STRICT)),--strict)
SITE_DIR ?= site

# One build date per commit: honoured by MkDocs (sitemap) and by our own pipeline.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
export BRIEFING_DATA := $(DATA)

.PHONY: site new check migrate serve test test-fast build schema weigh bench lighthouse screenshots chromium java properdocs-venv clean help links archive

help:
	@echo "make site     build the whole site into $(SITE_DIR)/ (checks the data first)"
	@echo "make test     run every test (unit, golden, integration, browser, workflow lint)"
	@echo "make test-fast  the tests that build no whole site, open no browser, run no mypy and read no whole history"
	@echo "make check    validate the data only"
	@echo "make migrate  bring data written for an older schema forward, in place (then make check)"
	@echo "make new BRIEFING=folder   start a new briefing: a minimal, valid one to edit"
	@echo "make serve    preview with live reload (also when data/ changes)"
	@echo "make build    write the generated Markdown to build/generated/ for inspection"
	@echo "make weigh    print the gzipped weight of every page of the built site"
	@echo "make bench    run the scale benchmark"
	@echo "make links    check every source, copy and archive link (network; cached for a day)"
	@echo "make archive  ask the Wayback Machine for snapshots of sources without one (network, IA keys)"
	@echo "DATA=folder   build another briefing's data folder"
	@echo "STRICT=1      check and site fail on unacknowledged data warnings"
	@echo "ENGINE=properdocs  build (or serve) with ProperDocs, the maintained MkDocs 1.x fork, from $(PD_VENV)"

$(PY_STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version 2>&1)). Install python3.11, or run make PYTHON=/path/to/python3.11" >&2; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || \
	  { echo "Python's venv module is missing: on Debian, apt-get install python3-venv" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	@touch $@

# ProperDocs in its own venv, without mkdocs (it serves Material's `mkdocs` imports itself): every
# dependency is pinned in requirements-properdocs.txt, so --no-deps installs exactly those.
$(PD_STAMP): requirements-properdocs.txt $(PY_STAMP)
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --disable-pip-version-check -q --no-deps -r requirements-properdocs.txt
	@touch $@

properdocs-venv: $(PD_STAMP)

ENGINE ?= mkdocs
ifeq ($(ENGINE),properdocs)
ENGINE_STAMP := $(PD_STAMP)
ENGINE_BIN := $(PD_VENV)/bin
else
ENGINE_STAMP := $(PY_STAMP)
ENGINE_BIN := $(BIN)
endif

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

# The Nu HTML Checker (npm's vnu-jar) runs on Java.
java:
	@if command -v java >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's default-jre-headless for the Nu HTML Checker"; apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; \
	else echo "The HTML check (Nu HTML Checker) needs a Java runtime, java on the PATH: sudo apt-get install default-jre-headless" >&2; exit 1; fi

site: $(ENGINE_STAMP) $(NODE_STAMP)
	$(ENGINE_BIN)/python -m build_scripts --data $(DATA) site --site-dir $(SITE_DIR) --engine $(ENGINE) $(STRICT_FLAG)

new: $(PY_STAMP)
	@[ -n "$(BRIEFING)" ] || { echo "Say where: make new BRIEFING=briefings/my-topic" >&2; exit 1; }
	$(BIN)/python -m build_scripts new $(BRIEFING)

check: $(PY_STAMP)
	$(BIN)/python -m build_scripts --data $(DATA) check $(STRICT_FLAG)

migrate: $(PY_STAMP)
	$(BIN)/python -m build_scripts --data $(DATA) migrate

build: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m build_scripts --data $(DATA) build --out build/generated

schema: $(PY_STAMP)
	$(BIN)/python -m build_scripts schema --out schema/briefing.schema.json

serve: $(ENGINE_STAMP) $(NODE_STAMP)
	$(ENGINE_BIN)/$(ENGINE) serve --livereload -f mkdocs.yml

# Two workers (pytest-xdist), a test file each at a time: the browser tests spend most of their time waiting
# on Chromium, so two files side by side take little more than one. TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2
test: $(PY_STAMP) $(PD_STAMP) $(NODE_STAMP) chromium java
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# No whole-site build, no browser and no whole-program type check (tests/conftest.py marks the tests that
# build a site `site`; pyproject.toml lists the markers).
test-fast: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile -m "not browser and not site and not lint and not history and not waits"

# Both talk to the internet, so neither is part of `make site` or `make test`.
# LINKS_ARGS / ARCHIVE_ARGS pass options through, e.g. make links LINKS_ARGS="--markdown links.md".
links: $(PY_STAMP)
	$(BIN)/python -m build_scripts --data $(DATA) links $(LINKS_ARGS)

archive: $(PY_STAMP)
	$(BIN)/python -m build_scripts --data $(DATA) archive $(ARCHIVE_ARGS)

weigh: site
	$(BIN)/python -m build_scripts.tools.weigh $(SITE_DIR)

bench: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m build_scripts.tools.bench

LIGHTHOUSE_PORT ?= 8123
lighthouse: $(PY_STAMP) $(NODE_STAMP) chromium
	SITE_URL=http://127.0.0.1:$(LIGHTHOUSE_PORT)/ $(BIN)/python -m build_scripts --data $(DATA) site --site-dir build/lighthouse-site
	$(BIN)/python -m build_scripts.tools.lighthouse build/lighthouse-site $(LIGHTHOUSE_PORT)

# screenshots/: home, timeline and a conflict page in light and dark, and the leverage page's
# relationship view in light, dark and at phone width (leverage-light.png, leverage-dark.png, leverage-phone.png).
# A developer tool, not a test: it builds the site, serves it and takes the pictures.
SCREENSHOTS_PORT ?= 8124
screenshots: $(PY_STAMP) $(NODE_STAMP) chromium
	SITE_URL=http://127.0.0.1:$(SCREENSHOTS_PORT)/ $(BIN)/python -m build_scripts --data $(DATA) site --site-dir build/screenshots-site
	$(BIN)/python -m build_scripts.tools.screenshots build/screenshots-site screenshots --port $(SCREENSHOTS_PORT)
	mkdir -p .github/screenshots && cp screenshots/home-light.png .github/screenshots/home.png

clean:
	rm -rf $(SITE_DIR) build .cache
