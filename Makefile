# The two commands of the README: `make run` and `make test` do all set-up themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-test

.PHONY: run test lint clean bundle

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/briefing-app resources/samples/wire_report.txt

test: $(STAMP)
	$(VENV)/bin/ruff check briefing_app tests benchmarks packaging
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check briefing_app tests benchmarks packaging

clean:
	rm -rf $(VENV) build dist *.egg-info

# The self-contained one-folder bundle (not part of `make test`; see docs/packaging.md).
bundle:
	packaging/build_bundle.sh
	packaging/smoke_bundle.sh dist/briefing-app
