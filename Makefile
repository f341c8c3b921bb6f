# whimbrel's one dev loop. Everything runs in the virtual environment at .venv.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: setup demo test test-fast lint bench eval data clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or make PYTHON=python3)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb
	$(VENV)/bin/whimbrel code samples/ --db demo.duckdb --no-progress
	$(VENV)/bin/whimbrel show --db demo.duckdb

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow and not shared"

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy src

data: $(STAMP)
	$(PY) -m whimbrel.lexicon

bench: $(STAMP)
	$(PY) benchmarks/bench_pipeline.py --shared $(SHARED)

eval: $(STAMP)
	$(PY) benchmarks/run_eval.py --shared $(SHARED)

clean:
	rm -rf $(VENV) demo.duckdb demo.duckdb.rejects.jsonl .pytest_cache
