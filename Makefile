# Quick start: `make demo` and `make test` on a machine with python3 (>= 3.11), git and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SERVE ?= 1
ROWS ?= 10000
STAMP := $(VENV)/.installed

.PHONY: demo test venv bench bench-quality clean docs lock

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "shuzhi needs Python >= 3.11 (found %s)" % sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "python3 -m venv failed: on Debian/Ubuntu install it with: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' -c constraints.txt
	# pycanon (an independent k/l/t check in tests) pins exact old numpy/pandas/typer; its anonymity
	# module needs only numpy and pandas, so it goes in without its pins
	$(BIN)/python -m pip install --quiet --no-deps -c constraints.txt pycanon
	@touch $(STAMP)

venv: $(STAMP)

# SERVE=0 runs everything but the web server (there is no server yet; later stages add it)
demo: $(STAMP)
	$(BIN)/shuzhi demo --rows $(ROWS)

test: $(STAMP)
	$(BIN)/python -m pytest --durations=25

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest_bench.py

# installs Soda Core, cuallee and Great Expectations into their own venvs under benchmarks/work/venvs
bench-quality: $(STAMP)
	$(BIN)/python benchmarks/quality_bench.py

docs: $(STAMP)
	$(BIN)/python -m shuzhi.cli.docs > docs/cli.md

# after changing dependencies: refresh the pinned versions from a fresh environment, then run make test
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/python -m pip install --quiet -e '.[dev]'
	.lock-venv/bin/python -m pip install --quiet --no-deps pycanon
	{ echo "# Exact versions the test suite passed with (make lock rewrites this file)."; \
	  echo "# make demo / make test install with: pip install -e '.[dev]' -c constraints.txt"; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable; } > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) shuzhi-data .pytest_cache
