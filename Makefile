# pagewash: `make run` sets everything up and cleans raw/ into clean/; `make test` checks it all.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Prefect: no telemetry, and room for a fresh database to migrate on a slow machine.
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 120

.PHONY: run test test-fast fuzz lint bench bench-proxy bench-scale install clean-outputs schema serve stop

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pagewash clean raw clean

lint: $(STAMP)
	$(BIN)/ruff check cleaners flows tests bench
	$(BIN)/ruff format --check cleaners flows tests bench
	$(BIN)/mypy cleaners

test: lint
	$(BIN)/python -m pytest -q

# The unit tests only: no Prefect server, no browser.
test-fast: lint
	$(BIN)/python -m pytest -q -m "not slow"

# The cleaners' property tests with fifty times the examples (HYPOTHESIS_PROFILE=fuzz); not in `make test`.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_properties.py

# A Prefect server on 127.0.0.1:$(PORT) with its UI, the deployments of prefect.yaml, and a worker.
PORT ?= 4200
serve: $(STAMP)
	$(BIN)/python -m flows.service start --port $(PORT)

stop: $(STAMP)
	$(BIN)/python -m flows.service stop

bench: $(STAMP)
	$(BIN)/python bench/run_bench.py

# Text cleaning on the 497 metadata pages' dumps, scored against trafilatura's bodies (~40 s).
bench-proxy: $(STAMP)
	$(BIN)/python bench/proxy_text.py

# Throughput, workers, memory on a 2 GB export, incremental reruns, pathological pages (~20 min).
bench-scale: $(STAMP)
	$(BIN)/python bench/bench_scale.py

schema: $(STAMP)
	$(BIN)/python -m cleaners.schema_export

clean-outputs:
	rm -rf clean/*.json clean/*/ clean/_quarantine clean/_state
