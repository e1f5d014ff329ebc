# harmwatch: the two commands of the README, and a few helpers.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test lint bench clean relevance-model fast pure
#: mypy whose mypyc compiles the extractor's hot path (make fast); a newer one may type-check
#: differently, so it is pinned.
MYPY_PIN = mypy==2.4.1

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

## fast: compile the extractor's hot path with mypyc (opt-in, needs a C compiler; about 1.3x
## the documents/s, docs/extraction.md "Speed"). Falls back to pure Python when it cannot.
## A compiled module whose .py changed afterwards is not used (pure Python, with a warning)
## until make fast runs again; make pure removes the compiled modules.
fast: $(VENV)/.installed
	$(BIN)/pip install --quiet "$(MYPY_PIN)" "setuptools>=69" wheel
	HARMWATCH_COMPILE=1 $(BIN)/pip install --quiet --no-build-isolation --no-deps -e .
	$(BIN)/python -c "import harmwatch.extract.pipeline as p; \
	print('harmwatch: extractor', 'compiled' if p.__file__.endswith('.so') else \
	'NOT compiled, pure Python (no C compiler? HARMWATCH_COMPILE=1 pip install -v shows why)')"

pure:
	rm -f src/harmwatch/_compiled.json src/harmwatch/*.so src/harmwatch/extract/*.so \
	  src/harmwatch/extract/places/*.so
	rm -rf build

clean: pure
	rm -rf $(VENV) harmwatch-data .pytest_cache
