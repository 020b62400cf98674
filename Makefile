# Two commands on a fresh machine: `make demo` (the main job on the bundled sample corpus) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.sqlite

.PHONY: setup demo test lint bench clean

$(BIN)/quotetrace: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

setup: $(BIN)/quotetrace

# Ends with one statement's story: a Russian original since taken down, its translation, a fragment, a
# paraphrase and an echo that altered a figure (samples/README.md).
demo: setup
	rm -f $(DEMO_DB)
	$(BIN)/quotetrace ingest samples --db $(DEMO_DB)
	$(BIN)/quotetrace quotes --db $(DEMO_DB) --format table
	$(BIN)/quotetrace speakers --db $(DEMO_DB)
	$(BIN)/quotetrace trace "convoys will pass through Karsk" --db $(DEMO_DB)

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

# The optional engines too, so that their tests run rather than skip.
test: lint
	$(BIN)/pip install --quiet -e ".[dev,embed,ray]"
	$(BIN)/pytest -q

bench: setup
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/accuracy.py
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) $(DEMO_DB) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
