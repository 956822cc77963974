# Two commands set everything up on a fresh machine: `make run` and `make test`.
# Each first installs the missing Debian/Ubuntu packages (scripts/system-packages.txt),
# then its virtual environment, then does its job.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ENSURE := sh scripts/ensure_system_packages.sh

.PHONY: run test bench demo dist smoke-dist install-desktop clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || $(ENSURE) python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)  ## open the app on the bundled demo seminar
	@$(ENSURE) run
	$(BIN)/workshop-app --demo

test: $(STAMP)  ## run the whole test suite
	@$(ENSURE) run test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)  ## print the benchmark figures
	@$(ENSURE) run
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

dist: $(STAMP)  ## the one-folder app in dist/workshop-app/ and its archive (PyInstaller)
	@$(ENSURE) run dist
	@$(BIN)/python packaging/build_bundle.py --check-python || $(ENSURE) libpython
	$(BIN)/pip install --quiet -e '.[bundle]'
	$(BIN)/python packaging/build_bundle.py

smoke-dist:  ## check the built bundle from a clean environment
	QT_QPA_PLATFORM=offscreen $(PYTHON) scripts/smoke_bundle.py dist/workshop-app

install-desktop: $(STAMP)  ## the menu entry and the .workshop file type, for this checkout's app
	sh packaging/linux/install.sh "$(CURDIR)/$(BIN)/workshop-app"

clean:
	rm -rf $(VENV) build dist *.egg-info
