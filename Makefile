# BranchDesk — the two commands of the README, and the few that support them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench lint translations update-translations lock screenshots clean dist smoke

run: $(STAMP) translations
	env -u QT_QPA_PLATFORM $(VENV)/bin/branchdesk demo

test: $(STAMP) translations
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP) translations
	$(PY) -m bench

# The release: tests, then the frozen one-folder program in dist/BranchDesk/, its smoke test,
# and dist/BranchDesk-<version>-linux-<arch>.tar.gz (on Windows, installer/build.py makes the
# setup.exe instead: README). PyInstaller is installed here, not by `make`/`make test`.
# SKIP_TESTS=1 when the suite has just run (.ci/run).
dist: $(STAMP) translations
	$(PY) -m pip install --quiet -r installer/requirements-build.txt
	$(PY) installer/build.py $(if $(SKIP_TESTS),--skip-tests)

# The smoke test alone, on the bundle `make dist` left in dist/BranchDesk/.
smoke:
	$(PY) installer/smoke_test.py dist/BranchDesk

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; sys.exit("BranchDesk needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=23"
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

translations: $(QM)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# Re-extract source strings into the .ts files (translators then fill them in).
update-translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(git ls-files 'core/*.py' 'db/*.py' 'desktop/*.py' | grep -v migrations/ | xargs grep -lE '\b(translate|tr|QT_TRANSLATE_NOOP)\(') -ts $(TS)

# What `make dist` adds to .venv stays out of the lock (it has its own pins).
BUILD_ONLY = $(shell sed -n 's/^\([A-Za-z0-9_.-]*\)==.*/--exclude \1/p' installer/requirements-build.txt)

lock: $(STAMP)
	$(PY) -m pip install --quiet -r requirements.in
	( echo "# Exact versions installed by \`make\`. Regenerate with \`make lock\` after changing pyproject.toml."; \
	  $(PY) -m pip freeze --exclude-editable $(BUILD_ONLY) | grep -v '^-e' ) > requirements.lock

clean:
	rm -rf $(VENV) resources/i18n/*.qm .pytest_cache .hypothesis build dist
