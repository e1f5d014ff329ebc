# harmwatch: the two commands of the README, and a few helpers.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test lint bench clean relevance-model

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

## demo: set up, ingest the bundled sample corpus into ./harmwatch-data (SQLite), show it
demo: $(VENV)/.installed
	$(BIN)/harmwatch demo

## test: set up with dev extras, lint, and run the whole test suite (SQLite and PostgreSQL)
test: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/ingest.py

## relevance-model: fit the learned relevance check again on the dev split (after adding documents)
relevance-model: $(VENV)/.installed-dev
	$(BIN)/python -m harmwatch.extract.relevance_model

clean:
	rm -rf $(VENV) harmwatch-data .pytest_cache
