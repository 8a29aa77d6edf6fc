# Claim by Claim: every command a contributor needs. `make help` lists them.
# The two that matter on a fresh machine: `make serve` and `make test` (both set themselves up).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
export NO_MKDOCS_2_WARNING := 1
# Reproducible output: page dates come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1763000000)

.PHONY: help setup system check generate verify build serve test test-fast fuzz lint lock new-claim screenshots benchmark lighthouse zensical clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed  ## create the virtual environment with the pinned, hashed requirements

system:  ## install the system packages the tests need (Chromium, Java), if missing
	bash .ci/install-system-packages

check: setup  ## validate all content and report sentence coverage
	$(PY) -m scripts check

generate: setup  ## write downloads and charts from the data
	$(PY) -m scripts generate

verify: setup  ## fail if generated files differ from what the data gives
	$(PY) -m scripts verify

build: setup  ## check, generate, strict build into site/ and search index, in one process
	$(PY) -m scripts build

serve: setup system  ## build the site (with its handouts) and serve it at http://127.0.0.1:8000/ (content problems show in the browser)
	-$(PY) -m scripts build
	CBC_SERVE=1 $(PY) -m mkdocs serve -a 127.0.0.1:8000 --watch data --watch scripts --watch overrides

test: setup system node_modules/.installed lint build  ## run every test (unit, build, browser, HTML checker)
	$(PY) -m pytest -q

test-fast: setup  ## unit tests only (no browser)
	$(PY) -m pytest -q -m "not browser" --ignore=tests/test_browser.py --ignore=tests/test_markup.py

fuzz: setup  ## property-based fuzzing of `check` with many more examples than `make test`
	CBC_FUZZ_EXAMPLES=$${CBC_FUZZ_EXAMPLES:-3000} $(PY) -m pytest -q tests/test_fuzz.py

lint: setup  ## ruff on the Python code
	$(BIN)/ruff check scripts tests

lock:  ## recompile requirements.txt with hashes from requirements.in
	$(BIN)/pip install --quiet pip-tools && $(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras -q -o requirements.txt requirements.in

new-claim: setup  ## scaffold the next claim page (TITLE="..." optional)
	$(PY) -m scripts new-claim $(if $(TITLE),--title "$(TITLE)")


readability: setup  ## readability of summaries and worksheets against their targets
	$(PY) -m scripts.tools.readability --write reports/readability.md

benchmark: setup  ## build time, memory and page weight at 1x, 10x, 100x the claims
	$(PY) -m scripts.tools.benchmark --write reports/benchmark.md

lighthouse: build node_modules/.installed  ## Lighthouse on four pages, served gzip-compressed
	$(PY) -m scripts.tools.lighthouse --write reports/lighthouse.md

screenshots: build  ## screenshots of key pages (light, dark, 320 px, print) into screenshots/
	$(PY) -m scripts.tools.screenshots

clean:  ## remove build output
	rm -rf site screenshots build docs/downloads docs/cards docs/numbers docs/feed.xml docs/assets/stylesheets/cbc.min.css docs/teach/handouts

zensical: setup  ## canary: build the same mkdocs.yml with Zensical and compare every page with MkDocs' (non-blocking in CI)
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/pip install --quiet "zensical==0.0.73" mkdocs-macros-plugin PyYAML Jinja2 Pillow nh3 rcssmin "babel==2.18.0"
	.venv-zensical/bin/python -m scripts generate
	$(PY) -m mkdocs build --strict -d build/canary-mkdocs
	$(PY) -m scripts build-edition uk build/canary-mkdocs
	$(PY) -m scripts handouts build/canary-mkdocs
	# Warm: Zensical's cache sees data/ and scripts/ through `watch:` in mkdocs.yml (file mtimes, whole seconds)
	.venv-zensical/bin/python -m zensical build -f mkdocs.yml --strict
	# The Ukrainian edition: the same config with its settings, staged by our scripts (no plugin)
	.venv-zensical/bin/python -m scripts edition-config uk
	.venv-zensical/bin/python -m zensical build -f build/editions/uk/mkdocs.yml --strict
	rm -rf site/uk && cp -r build/editions/uk/site site/uk
	$(PY) -m scripts handouts site
	$(PY) -m scripts index-search site
	$(PY) -m scripts.tools.engine_diff build/canary-mkdocs site
