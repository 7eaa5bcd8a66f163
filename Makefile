# Fresh machine: only python3.11, pip and make are needed.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench evaluate clean

$(BIN)/summit: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,dask]"
	touch $(BIN)/summit

run: $(BIN)/summit
	$(BIN)/summit extract corpus/raw --out outputs

test: $(BIN)/summit
	$(BIN)/pytest

lint: $(BIN)/summit
	$(BIN)/ruff check pipeline models tests benchmarks
	$(BIN)/ruff format --check pipeline models tests benchmarks
	$(BIN)/mypy

evaluate: $(BIN)/summit
	$(BIN)/summit evaluate --gold corpus/gold --pred outputs

bench: $(BIN)/summit
	$(BIN)/summit bench corpus/raw

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
