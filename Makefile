# Quick start: `make demo` and `make test` on a machine with python3 (>= 3.11), git and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SERVE ?= 1
ROWS ?= 10000
STAMP := $(VENV)/.installed

.PHONY: demo test venv bench clean docs

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "shuzhi needs Python >= 3.11 (found %s)" % sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "python3 -m venv failed: on Debian/Ubuntu install it with: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

# SERVE=0 runs everything but the web server (there is no server yet; later stages add it)
demo: $(STAMP)
	$(BIN)/shuzhi demo --rows $(ROWS)

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest_bench.py

docs: $(STAMP)
	$(BIN)/python -m shuzhi.cli.docs > docs/cli.md

clean:
	rm -rf $(VENV) shuzhi-data .pytest_cache
